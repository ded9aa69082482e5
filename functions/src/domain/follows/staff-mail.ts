import { localDateTime } from '../../lib/copenhagen-time';
import { ideaLink, myPageLink, siteLink, unsubscribePageLink } from '../links';
import type { ReminderIdea } from './digest-ports';
import type { BuiltMail } from './digest-mail';

/**
 * The staff mails (issue 16), plain Danish: a moderator's alert that the moderation queue has waited
 * too long, and a committee member's reminder of answer deadlines soon due. Each ends with how to turn
 * these mails off (Min side, or the signed unsubscribe link of scope `alerts`).
 */

const footer = (siteUrl: string, token: string, why: string) => [
  '',
  'Venlig hilsen',
  'Deltag – Gentofte Kommune',
  '',
  '--',
  why,
  `Du kan slå disse mails fra på Min side: ${myPageLink(siteUrl)}`,
  `eller afmelde dem her: ${unsubscribePageLink(siteUrl, token)}`,
];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function queueAlertMail(
  siteUrl: string,
  token: string,
  a: { processId: string; processTitle: string; pending: number; flagged: number; oldestAt: string; hours: number },
): BuiltMail {
  const waiting = [
    a.pending ? `${plural(a.pending, 'bidrag venter', 'bidrag venter')} på godkendelse` : '',
    a.flagged ? `${plural(a.flagged, 'bidrag er', 'bidrag er')} anmeldt og venter på, at en moderator ser på ${a.flagged === 1 ? 'det' : 'dem'}` : '',
  ].filter(Boolean);
  return {
    subject: `Moderation venter: ${a.processTitle}`,
    text: [
      'Hej',
      '',
      `I forløbet “${a.processTitle}” har moderationskøen ventet i mere end ${plural(a.hours, 'time', 'timer')}.`,
      ...waiting.map((w) => `- ${w}`),
      `Det ældste har ventet siden ${localDateTime(new Date(a.oldestAt))}.`,
      '',
      `Se køen her: ${siteLink(siteUrl, `/arbejdsrum/moderation?forloeb=${encodeURIComponent(a.processId)}`)}`,
      ...footer(siteUrl, token, 'Du får denne mail, fordi du er moderator på Deltag.'),
    ].join('\n'),
  };
}

export function deadlineReminderMail(
  siteUrl: string,
  token: string,
  r: { processId: string; processTitle: string; ideas: ReminderIdea[] },
): BuiltMail {
  const dated = (d: string) => d.split('-').reverse().join('-');
  return {
    subject: `Svarfrist nærmer sig: ${plural(r.ideas.length, 'idé', 'idéer')} i ${r.processTitle}`,
    text: [
      'Hej',
      '',
      `Udvalget har lovet at svare på ${r.ideas.length === 1 ? 'denne idé' : 'disse idéer'} i forløbet “${r.processTitle}”, og svarfristen nærmer sig:`,
      '',
      ...r.ideas.map((i) => `- “${i.title}” – svarfrist ${dated(i.answerDeadline)}\n  ${ideaLink(siteUrl, { id: i.id, processId: r.processId })}`),
      ...footer(siteUrl, token, 'Du får denne mail, fordi du er medlem af udvalget på Deltag.'),
    ].join('\n'),
  };
}
