import type { Random } from './demo-random';
import { rudeComment, spamComment } from './demo-comments';
import type { PlannedComment, PlannedDecision, PlannedFlag } from './demo-data';

const HOUR = 60 * 60 * 1000;

/**
 * Moderators decide in office hours (about 9 to 16 in Copenhagen): a moment outside them moves on to
 * the next morning, never back, so a decision still comes after what led to it (the flags, the review).
 */
export function officeHours(random: Random, at: Date): Date {
  const hour = at.getUTCHours();
  // Inside them, a little later than planned: decisions of one day do not share a minute.
  if (hour >= 8 && hour < 15) return new Date(at.getTime() + random() * 90 * 60_000);
  const moved = new Date(at);
  if (hour >= 15) moved.setUTCDate(moved.getUTCDate() + 1);
  moved.setUTCHours(8 + Math.floor(random() * 2), Math.floor(random() * 60), Math.floor(random() * 60));
  return moved;
}

export interface StoryTime {
  daysAgo: (days: number) => Date;
  /** The same moment or the next morning, in office hours. */
  workday: (at: Date) => Date;
  deadline: (daysFromNow: number) => string;
  /** When an idea was posted: what happens to it is timed from then. */
  posted: (idea: string) => Date;
}

/**
 * The moderators' and the committee's part: who decided what, when, and why; and the flags and
 * comments that led to a decision, timed after what they react to.
 */
export function planStory({ daysAgo, workday, deadline, posted }: StoryTime) {
  const after = (at: Date, hours: number) => new Date(at.getTime() + hours * HOUR);
  const status = (idea: string, by: string, days: number, status: 'under_review' | 'selected' | 'not_selected', answer?: string, answerDeadline?: string): PlannedDecision => ({
    at: workday(daysAgo(days)),
    by,
    idea,
    command: { action: 'set-status', status, ...(answer ? { officialAnswer: answer } : {}), ...(answerDeadline ? { answerDeadline } : {}) },
  });
  const duplicateFlagged = after(posted('chatbot-aften'), 28);
  const adFlagged = after(posted('annonce'), 4);
  const spamPosted = daysAgo(15.0);
  const spamFlagged = after(spamPosted, 5);
  const decisions: PlannedDecision[] = [
    { at: workday(after(duplicateFlagged, 20)), by: 'ole', idea: 'chatbot-aften', mergeInto: 'svar-doegnet-rundt', reason: 'Samme forslag som »Svar på de simple spørgsmål døgnet rundt på kommunens hjemmeside«. Stemmer og kommentarer samles dér.' },
    { at: workday(after(adFlagged, 10)), by: 'ole', idea: 'annonce', command: { action: 'hide', reason: 'Indlægget er en annonce for en virksomheds egne kurser og ikke et forslag til, hvor kommunen kan bruge AI. Det er skjult efter retningslinjerne for Deltag.' } },
    { at: workday(after(spamFlagged, 12)), by: 'karin', comment: 'spam', command: { action: 'hide', reason: 'Kommentaren er en annonce og handler ikke om idéen.' } },
    status('tale-til-tekst', 'karin', 14.0, 'under_review', 'Udvalget behandler idéen på sit næste møde sammen med de øvrige forslag om dokumentation i ældreplejen.', deadline(-6)),
    status('ingen-afgoerelser', 'karin', 12.0, 'under_review', undefined, deadline(-3)),
    status('journalnotater', 'ole', 11.0, 'under_review', 'Jobcentret undersøger sammen med kommunens jurister, hvordan samtykke og journalisering kan håndteres, før udvalget tager stilling.', deadline(17)),
    status('svar-doegnet-rundt', 'karin', 9.0, 'under_review', 'Udvalget drøfter en AI-assistent på kommunens hjemmeside på et kommende møde. Borgerservice er bedt om et oplæg om, hvilke spørgsmål den kan svare på, og hvordan man altid kommer videre til en medarbejder.', deadline(24)),
    status('byggeansoegninger', 'ole', 8.0, 'under_review', 'Byggesag er i dialog med leverandøren af ansøgningssystemet om et automatisk tjek for manglende bilag. Udvalget får en status på et kommende møde.', deadline(10)),
    status('tale-til-tekst', 'karin', 6.5, 'selected', 'Opgaveudvalget har valgt idéen. Forvaltningen afprøver tale-til-tekst i to hjemmeplejegrupper i foråret. Medarbejderne og MED-udvalget er med til at beslutte, hvordan optagelser og udkast håndteres, og ingen optagelse gemmes, efter at notatet er godkendt.'),
    status('ai-register', 'karin', 6.5, 'selected', 'Opgaveudvalget anbefaler, at kommunen offentliggør et register over de AI-løsninger, den bruger, med formål, data og ansvarlig enhed. Registret bygger på kommunalbestyrelsens dataetiske kompas og skrives i et sprog, alle kan forstå.'),
    status('aktindsigt', 'karin', 6.5, 'selected', 'Opgaveudvalget har valgt idéen til en afprøvning. AI må foreslå, hvad der skal overstreges, men en medarbejder kontrollerer altid alle dokumenter, før de sendes.'),
    status('tidlig-opsporing', 'karin', 6.5, 'not_selected', 'Opgaveudvalget vælger ikke idéen i denne omgang. Den kræver analyse af følsomme helbredsoplysninger, og der er i dag ikke klar hjemmel til at bruge journalnotater på den måde. Udvalget beder forvaltningen følge den nationale udvikling og vende tilbage, når rammerne er afklaret.'),
    status('udbud', 'karin', 6.5, 'not_selected', 'Opgaveudvalget vælger ikke at bruge AI til at vurdere tilbud – som idéen også advarer imod. Forslaget om korte, klare sammenfatninger af udbudsmaterialet er sendt videre til Indkøb, som ser på det ved de næste udbud.'),
  ];
  // '?': a participant chosen by the plan (not the author, not twice).
  const comments: PlannedComment[] = [
    { key: 'spam', idea: 'sikker-assistent', author: '?', at: spamPosted, body: spamComment.body },
    { key: 'rude', idea: 'elever', author: '?', at: daysAgo(2.2), body: rudeComment.body, stance: rudeComment.stance },
  ];
  const caseworkerNamed = posted('jobcenter-frister');
  const flags: PlannedFlag[] = [
    { idea: 'chatbot-aften', by: '?', at: duplicateFlagged, reason: 'other', text: 'Det er det samme forslag som chatbotten døgnet rundt.' },
    { idea: 'annonce', by: '?', at: adFlagged, reason: 'spam' },
    { idea: 'sikker-assistent', comment: 'spam', by: '?', at: spamFlagged, reason: 'spam' },
    { idea: 'solceller', by: '?', at: after(posted('solceller'), 26), reason: 'off_topic', text: 'Handler ikke om kunstig intelligens.' },
    { idea: 'jobcenter-frister', by: '?', at: after(caseworkerNamed, 4), reason: 'personal_data', text: 'Idéen nævner en navngiven medarbejder og et sagsnummer.' },
    { idea: 'jobcenter-frister', by: '?', at: after(caseworkerNamed, 9), reason: 'personal_data' },
    { idea: 'jobcenter-frister', by: '?', at: after(caseworkerNamed, 19), reason: 'personal_data' },
    { idea: 'elever', comment: 'rude', by: '?', at: daysAgo(2.0), reason: 'offensive', text: 'Personangreb på forslagsstilleren.' },
    { idea: 'elever', comment: 'rude', by: '?', at: daysAgo(1.9), reason: 'offensive' },
    { idea: 'elever', comment: 'rude', by: '?', at: daysAgo(1.6), reason: 'offensive' },
  ];
  return { decisions: decisions.sort((a, b) => a.at.getTime() - b.at.getTime()), comments, flags };
}
