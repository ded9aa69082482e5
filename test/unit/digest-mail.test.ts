import { describe, expect, it } from 'vitest';
import { digestMail, digestSections } from '#functions/domain/follows/digest-mail';
import { deadlineReminderMail, queueAlertMail } from '#functions/domain/follows/staff-mail';
import type { StoredFollowEvent } from '#functions/domain/ports';

const SITE = 'https://deltag.gentofte.dk';
const IDEA = '01JDIGESTIDEA0000000000001';
const OTHER = '01JDIGESTIDEA0000000000002';
const REC = '01JDIGESTREC00000000000001';
let n = 0;
const event = (e: Partial<StoredFollowEvent>): StoredFollowEvent => ({
  processId: 'ai-udvalg',
  kind: 'status',
  target: 'idea',
  targetId: IDEA,
  title: 'Chatbot på borgerservice',
  actorId: 'moderator-1',
  id: `01JDIGESTEVT${String(++n).padStart(14, '0')}`,
  at: '2026-12-01T10:00:00.000Z',
  ...e,
});

describe('the digest mail', () => {
  it('says each thing that happened in plain Danish, one section per idea, with links, Min side and the unsubscribe link', () => {
    const mail = digestMail(SITE, 'tok.digest.sig', [
      event({ kind: 'status', status: 'under_review' }),
      event({ kind: 'answer', text: 'Vi ser på den i januar.\nTak for idéen.' }),
      event({ kind: 'merged', targetId: OTHER, title: 'Robot i køen', relatedId: IDEA, relatedTitle: 'Chatbot på borgerservice' }),
      event({ kind: 'reply', text: 'Godt forslag!', toUserId: 'u1' }),
      event({ kind: 'taken-up', relatedId: REC, relatedTitle: 'Sprogmodeller i borgerservice' }),
      event({ kind: 'recommendation-status', target: 'recommendation', targetId: REC, title: 'Sprogmodeller i borgerservice', status: 'adopted' }),
    ]);
    expect(mail.subject).toBe('Nyt om 3 ting, du følger på Deltag');
    const t = mail.text;
    expect(t).toContain('Idéen “Chatbot på borgerservice”');
    expect(t).toContain('- Status er ændret til: under behandling.');
    expect(t).toContain('Udvalget har svaret:\n  > Vi ser på den i januar.\n  > Tak for idéen.');
    expect(t).toContain(
      `Idéen er lagt sammen med “Chatbot på borgerservice” — din stemme tæller nu dér. Vil du ikke det, kan du trække den tilbage her: ${SITE}/forloeb/ai-udvalg/ideer/${IDEA}`,
    );
    expect(t).toContain('Nogen har svaret på din kommentar:\n  > Godt forslag!');
    expect(t).toContain(`Idéen er taget op i anbefalingen “Sprogmodeller i borgerservice”. Læs den her: ${SITE}/forloeb/ai-udvalg/anbefalinger/${REC}`);
    expect(t).toContain('Anbefalingen “Sprogmodeller i borgerservice”\n- Anbefalingens status er nu: vedtaget af det politiske udvalg.');
    expect(t).toContain(`Se den her: ${SITE}/forloeb/ai-udvalg/ideer/${OTHER}`);
    expect(t).toContain(`Min side: ${SITE}/min-side`);
    expect(t).toContain(`Afmeld her: ${SITE}/afmeld?token=tok.digest.sig`);
    // Words, never ids.
    expect(t).not.toMatch(/under_review|adopted/);
  });

  it('gives the answer that came with a new status', () => {
    const mail = digestMail(SITE, 'tok', [event({ status: 'under_review', text: 'Vi ser på den.' })]);
    expect(mail.text).toContain('- Status er ændret til: under behandling.\nUdvalget har svaret:\n  > Vi ser på den.');
  });

  it("gives the political committee's note with a recommendation's status, and copes with a title it could not read", () => {
    const rec = digestMail(SITE, 'tok', [event({ kind: 'recommendation-status', target: 'recommendation', targetId: REC, title: 'Sprog', status: 'rejected', text: 'For dyrt nu.' })]);
    expect(rec.text).toContain('- Anbefalingens status er nu: ikke vedtaget.\nBemærkning:\n  > For dyrt nu.');
    const untitled = digestMail(SITE, 'tok', [event({ kind: 'taken-up', title: '', relatedId: REC, relatedTitle: 'Sprog' })]);
    expect(untitled.subject).toBe('Nyt om 1 ting, du følger på Deltag');
    expect(untitled.text).toContain('\nIdéen\n- Idéen er taget op i anbefalingen “Sprog”.');
    expect(untitled.text).not.toContain('“”');
  });

  it('names the idea in the subject when the digest is about one thing', () => {
    const mail = digestMail(SITE, 'tok', [event({ status: 'selected' }), event({ status: 'implemented' })]);
    expect(mail.subject).toBe('Nyt om “Chatbot på borgerservice”');
    expect(mail.text.indexOf('udvalgt')).toBeLessThan(mail.text.indexOf('gennemført'));
  });

  it('groups by target in the order things first happened and takes the newest title', () => {
    const sections = digestSections([event({ targetId: OTHER, title: 'B' }), event({ title: 'A' }), event({ targetId: OTHER, title: 'B2' })]);
    expect(sections.map((s) => [s.targetId, s.title, s.events.length])).toEqual([[OTHER, 'B2', 2], [IDEA, 'A', 1]]);
  });

  it('refuses a relative site address rather than send broken links', () => {
    expect(() => digestMail('/', 'tok', [event({})])).toThrow(/absolute address/);
  });
});

describe('the staff mails', () => {
  it('tells a moderator how much waits and since when, in Danish time, with the queue link', () => {
    const mail = queueAlertMail(SITE, 'tok.alerts.sig', { processId: 'ai-udvalg', processTitle: 'AI i Gentofte', pending: 2, flagged: 1, oldestAt: '2026-11-29T08:30:00.000Z', hours: 48 });
    expect(mail.subject).toBe('Moderation venter: AI i Gentofte');
    expect(mail.text).toContain('har moderationskøen ventet i mere end 48 timer');
    expect(mail.text).toContain('- 2 bidrag venter på godkendelse');
    expect(mail.text).toContain('- 1 bidrag er anmeldt og venter på, at en moderator ser på det');
    expect(mail.text).toContain('siden 29-11-2026 09:30');
    expect(mail.text).toContain(`${SITE}/arbejdsrum/moderation?forloeb=ai-udvalg`);
    expect(mail.text).toContain(`${SITE}/afmeld?token=tok.alerts.sig`);
  });

  it('reminds the committee of each idea and its deadline', () => {
    const mail = deadlineReminderMail(SITE, 'tok', { processId: 'ai-udvalg', processTitle: 'AI i Gentofte', ideas: [{ id: IDEA, title: 'Chatbot', answerDeadline: '2026-12-08' }] });
    expect(mail.subject).toBe('Svarfrist nærmer sig: 1 idé i AI i Gentofte');
    expect(mail.text).toContain(`- “Chatbot” – svarfrist 08-12-2026\n  ${SITE}/forloeb/ai-udvalg/ideer/${IDEA}`);
  });
});
