import { localDateTime } from '../../lib/copenhagen-time';
import { ideaLink, myPageLink, siteLink, unsubscribePageLink } from '../links';
import { flagReasons, type FlagReason } from '#shared/rules/values';
import type { HeldItem, ReminderIdea } from './digest-ports';
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

/** The flag form's reasons, in the words the citizen chose from (frontend/src/locales/da.ts, flag.reasons). */
const reasonLabel: Record<FlagReason, string> = {
  spam: 'Spam eller reklame',
  offensive: 'Krænkende eller stødende',
  personal_data: 'Indeholder personoplysninger',
  off_topic: 'Handler ikke om forløbet',
  other: 'Andet',
};

export function heldAlertMail(siteUrl: string, token: string, h: { processId: string; processTitle: string; item: HeldItem }): BuiltMail {
  const { item } = h;
  const count = Object.values(item.reasons).reduce((sum, n) => sum + (n ?? 0), 0);
  const what =
    item.kind === 'idea'
      ? [`Idéen “${item.title}” i forløbet “${h.processTitle}” er anmeldt af ${plural(count, 'person', 'personer')}.`,
         'Den er taget ud af de offentlige lister, indtil en moderator har set på den. Dens side er stadig åben, og den kan stadig få stemmer.']
      : [`En kommentar i forløbet “${h.processTitle}” er anmeldt af ${plural(count, 'person', 'personer')}:`, `“${item.title}”`,
         'Den er skjult for andre, indtil en moderator har set på den.'];
  return {
    subject: item.kind === 'idea' ? `Anmeldt og taget ud til moderation: “${item.title}”` : `Anmeldt og taget ud til moderation: en kommentar i “${h.processTitle}”`,
    text: [
      'Hej',
      '',
      ...what,
      '',
      'Anmeldt som:',
      ...flagReasons.filter((r) => item.reasons[r]).map((r) => `- ${reasonLabel[r]} (${item.reasons[r]})`),
      '',
      `Se de anmeldte bidrag her: ${siteLink(siteUrl, `/arbejdsrum/moderation?forloeb=${encodeURIComponent(h.processId)}`)}`,
      ...footer(siteUrl, token, 'Du får denne mail, fordi du er moderator på Deltag.'),
    ].join('\n'),
  };
}
