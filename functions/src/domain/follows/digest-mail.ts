import { recommendationStatusLabels } from '#shared/rules/recommendations';
import { inSentence, labelOf, statusLabels } from '#shared/rules/labels';
import { ideaLink, myPageLink, siteLink, unsubscribePageLink } from '../links';
import type { StoredFollowEvent } from '../ports';

/**
 * The digest mail's text (issue 16): plain Danish, one section per idea or recommendation followed,
 * saying what happened in words (never a status id), with the link to read more, how to get fewer
 * mails and the unsubscribe link. Plain text only: nothing here is rendered as HTML.
 */

export interface BuiltMail {
  subject: string;
  text: string;
}

export const recommendationLink = (siteUrl: string, r: { id: string; processId: string }) =>
  siteLink(siteUrl, `/forloeb/${encodeURIComponent(r.processId)}/anbefalinger/${encodeURIComponent(r.id)}`);

const quote = (text: string) =>
  text
    .trim()
    .split(/\r?\n/)
    .map((line) => `  > ${line}`)
    .join('\n');

/** One line (or a few) per event, in the words a participant understands. */
export function describeEvent(siteUrl: string, e: StoredFollowEvent): string {
  switch (e.kind) {
    case 'status':
      return `Status er ændret til: ${inSentence(labelOf(statusLabels, e.status ?? '', 'da'))}.${e.text ? `\nUdvalget har svaret:\n${quote(e.text)}` : ''}`;
    case 'answer':
      return `Udvalget har svaret:\n${quote(e.text ?? '')}`;
    case 'merged': {
      const into = e.relatedId ? ideaLink(siteUrl, { id: e.relatedId, processId: e.processId }) : undefined;
      const name = e.relatedTitle ? `“${e.relatedTitle}”` : 'en anden idé';
      return (
        `Idéen er lagt sammen med ${name} — din stemme tæller nu dér.` +
        (into ? ` Vil du ikke det, kan du trække den tilbage her: ${into}` : '')
      );
    }
    case 'reply':
      return `Nogen har svaret på din kommentar:\n${quote(e.text ?? '')}`;
    case 'taken-up': {
      const title = e.relatedTitle ?? e.text ?? '';
      const link = e.relatedId ? ` Læs den her: ${recommendationLink(siteUrl, { id: e.relatedId, processId: e.processId })}` : '';
      return `Idéen er taget op i anbefalingen “${title}”.${link}`;
    }
    case 'recommendation-status': {
      const status = `Anbefalingens status er nu: ${inSentence(labelOf(recommendationStatusLabels, e.status ?? '', 'da'))}.`;
      return e.text ? `${status}\nBemærkning:\n${quote(e.text)}` : status;
    }
  }
}

const targetLink = (siteUrl: string, e: StoredFollowEvent) =>
  e.target === 'idea' ? ideaLink(siteUrl, { id: e.targetId, processId: e.processId }) : recommendationLink(siteUrl, { id: e.targetId, processId: e.processId });

/** Groups the events by what they are about, in the order each first happened; the newest title wins. */
export function digestSections(events: StoredFollowEvent[]): { target: StoredFollowEvent['target']; targetId: string; title: string; events: StoredFollowEvent[] }[] {
  const sections = new Map<string, { target: StoredFollowEvent['target']; targetId: string; title: string; events: StoredFollowEvent[] }>();
  for (const e of [...events].sort((a, b) => a.id.localeCompare(b.id))) {
    const key = `${e.target}#${e.targetId}`;
    const section = sections.get(key) ?? { target: e.target, targetId: e.targetId, title: e.title, events: [] };
    section.title = e.title;
    section.events.push(e);
    sections.set(key, section);
  }
  return [...sections.values()];
}

export function digestMail(siteUrl: string, unsubscribeToken: string, events: StoredFollowEvent[]): BuiltMail {
  const sections = digestSections(events);
  const count = sections.length;
  const subject = count === 1 && sections[0]!.title ? `Nyt om “${sections[0]!.title}”` : `Nyt om ${count} ting, du følger på Deltag`;
  const body = sections.map((s) => {
    const what = s.target === 'idea' ? 'Idéen' : 'Anbefalingen';
    const lines = s.events.map((e) => `- ${describeEvent(siteUrl, e)}`);
    // A title that could not be read (the event still went) leaves the heading without one, not with “”.
    return [s.title ? `${what} “${s.title}”` : what, ...lines, `Se den her: ${targetLink(siteUrl, s.events[0]!)}`].join('\n');
  });
  const text = [
    'Hej',
    '',
    'Her er, hvad der er sket med det, du følger på Deltag.',
    '',
    body.join('\n\n'),
    '',
    'Venlig hilsen',
    'Deltag – Gentofte Kommune',
    '',
    '--',
    'Du får denne mail, fordi du følger idéer eller anbefalinger på Deltag (du har fx delt, stemt eller kommenteret).',
    `Vil du have mails dagligt, ugentligt eller aldrig? Vælg det på Min side: ${myPageLink(siteUrl)}`,
    `Vil du ikke have flere af disse mails? Afmeld her: ${unsubscribePageLink(siteUrl, unsubscribeToken)}`,
  ].join('\n');
  return { subject, text };
}
