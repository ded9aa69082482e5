import type { Channel } from './assisted';
import type { AuditAction, CommentState } from './audit';
import type { AnswerStatus, Position } from './consultation';
import type { PhaseKind } from './phases';
import type { Beneficiary, IdeaStatus } from './values';

/**
 * The one wording of each value people read: the SPA (through `frontend/src/lib/labels.ts`, in the
 * reader's language), the author mails, the CSV/XLSX export and the committee annex all take their
 * words from here, so a status has one name everywhere. Labels start with a capital, as they stand
 * alone in a cell, a badge or an option; a sentence lower-cases one with `inSentence`, never with a
 * second copy. Areas and effects are named by each process (`schemas/process.ts`), not here.
 */
export interface Label {
  da: string;
  en: string;
}
export type LabelLocale = keyof Label;

export const statusLabels: Record<IdeaStatus, Label> = {
  published: { da: 'Offentliggjort', en: 'Published' },
  under_review: { da: 'Under behandling', en: 'Under review' },
  selected: { da: 'Udvalgt', en: 'Selected' },
  not_selected: { da: 'Ikke udvalgt', en: 'Not selected' },
  implemented: { da: 'Gennemført', en: 'Implemented' },
  pending: { da: 'Venter på godkendelse', en: 'Awaiting approval' },
  hidden: { da: 'Skjult af moderator', en: 'Hidden by a moderator' },
  rejected: { da: 'Afvist', en: 'Rejected' },
  withdrawn: { da: 'Trukket tilbage', en: 'Withdrawn' },
  merged: { da: 'Lagt sammen med en anden idé', en: 'Merged with another idea' },
};

/** Who an idea is meant to help. */
export const beneficiaryLabels: Record<Beneficiary, Label> = {
  citizens: { da: 'Borgere', en: 'Citizens' },
  businesses: { da: 'Virksomheder', en: 'Businesses' },
  employees: { da: 'Medarbejdere', en: 'Employees' },
  municipality: { da: 'Kommunen som helhed', en: 'The municipality as a whole' },
};

/**
 * What happened, as the audit log, the export's overview and the annex name a decision (past tense:
 * a record of what was done; the workspace's buttons say what to do, in their own words).
 */
export const auditActionLabels: Record<AuditAction, Label> = {
  publish: { da: 'Offentliggjort', en: 'Published' },
  hide: { da: 'Skjult', en: 'Hidden' },
  restore: { da: 'Gendannet', en: 'Restored' },
  reject: { da: 'Afvist', en: 'Rejected' },
  merge: { da: 'Lagt sammen', en: 'Merged' },
  'set-status': { da: 'Status ændret', en: 'Status changed' },
  'comment-hide': { da: 'Kommentar skjult', en: 'Comment hidden' },
  'comment-restore': { da: 'Kommentar gendannet', en: 'Comment restored' },
  block: { da: 'Bruger blokeret', en: 'User blocked' },
  unblock: { da: 'Blokering ophævet', en: 'Block lifted' },
  roles: { da: 'Roller ændret', en: 'Roles changed' },
  'process-create': { da: 'Forløb oprettet', en: 'Process created' },
  'process-update': { da: 'Forløb ændret', en: 'Process changed' },
  'process-archive': { da: 'Forløb arkiveret', en: 'Process archived' },
  'process-restore': { da: 'Forløb hentet frem fra arkivet', en: 'Process restored from the archive' },
  'process-erase': { da: 'Persondata slettet efter opbevaringsfristen', en: 'Personal data erased after the retention date' },
  'survey-save': { da: 'Spørgeskema gemt', en: 'Survey saved' },
  'survey-publish': { da: 'Spørgeskemaets resultater offentliggjort', en: 'Survey results published' },
  'survey-text-approve': { da: 'Fritekstsvar godkendt', en: 'Free-text answer approved' },
  'survey-text-hide': { da: 'Fritekstsvar skjult', en: 'Free-text answer hidden' },
  'consultation-setup': { da: 'Høringens runder og referencer gemt', en: 'Consultation rounds and references saved' },
  'round-invite': { da: 'Inviteret til lukket runde', en: 'Invited to a closed round' },
  'document-create': { da: 'Dokument oprettet', en: 'Document created' },
  'document-draft': { da: 'Udkast gemt', en: 'Draft saved' },
  'document-publish': { da: 'Ny version offentliggjort', en: 'New version published' },
  'response-answer': { da: 'Høringssvar besvaret', en: 'Consultation comment answered' },
  'response-hide': { da: 'Høringssvar skjult', en: 'Consultation comment hidden' },
  'response-restore': { da: 'Høringssvar vist igen', en: 'Consultation comment restored' },
  'event-create': { da: 'Arrangement oprettet', en: 'Event created' },
  'event-update': { da: 'Arrangement ændret', en: 'Event changed' },
  'event-cancel': { da: 'Arrangement aflyst', en: 'Event cancelled' },
  'live-round-create': { da: 'Live-runde oprettet', en: 'Live round created' },
  'live-round-save': { da: 'Live-runde ændret', en: 'Live round changed' },
  'live-round-open': { da: 'Live-runde åbnet', en: 'Live round opened' },
  'live-round-close': { da: 'Live-runde lukket', en: 'Live round closed' },
  'assisted-person-create': { da: 'Borger registreret med samtykke', en: 'Citizen registered with consent' },
  'assisted-idea': { da: 'Idé indsendt for en borger', en: 'Idea submitted for a citizen' },
  'assisted-vote': { da: 'Stemme afgivet for en borger', en: 'Vote cast for a citizen' },
  'assisted-unvote': { da: 'Stemme trukket tilbage for en borger', en: 'Vote withdrawn for a citizen' },
  'assisted-comment': { da: 'Kommentar skrevet for en borger', en: 'Comment written for a citizen' },
  'assisted-answer': { da: 'Spørgeskema besvaret for en borger', en: 'Survey answered for a citizen' },
  'assisted-receipt': { da: 'Ny kvittering udskrevet', en: 'New receipt printed' },
  'assisted-export': { da: 'Borgerens data udleveret', en: "Citizen's data handed over" },
  'assisted-erase': { da: 'Borgerens data slettet', en: "Citizen's data erased" },
  'assisted-claim': { da: 'Assisterede bidrag overtaget af en konto', en: 'Assisted contributions claimed by an account' },
  'plain-summary': { da: 'Letlæst resumé ændret', en: 'Plain-language summary changed' },
  'recommendation-create': { da: 'Anbefaling oprettet', en: 'Recommendation created' },
  'recommendation-update': { da: 'Anbefaling ændret', en: 'Recommendation changed' },
  'recommendation-delete': { da: 'Anbefaling slettet', en: 'Recommendation deleted' },
  'recommendation-status': { da: 'Anbefalingens status ændret', en: 'Recommendation status changed' },
  'ai-lens': { da: 'AI-forordning og dataetik vurderet', en: 'AI Act and data ethics assessed' },
  'initiative-set': { da: 'Indsats i opfølgningen ændret', en: 'Initiative in the register changed' },
  'progress-add': { da: 'Status på indsats tilføjet', en: 'Progress update added' },
  'annex-freeze': { da: 'Udvalgsbilag låst som PDF', en: 'Committee annex frozen as PDF' },
};

/** A contribution's channel as the export, the annex and the workspace name it. */
export const channelLabels: Record<Channel, Label> = {
  web: { da: 'På nettet', en: 'Online' },
  'assisted-in-person': { da: 'Borgerservice, fremmøde', en: 'Citizen service, in person' },
  'assisted-phone': { da: 'Borgerservice, telefon', en: 'Citizen service, by phone' },
  paper: { da: 'Papirskema', en: 'Paper form' },
  event: { da: 'Arrangement', en: 'Event' },
};

/** The public line on an idea or a comment that did not come in on the web ("Indsendt via Borgerservice"); web has none. */
export const channelNotes: Record<Exclude<Channel, 'web'>, Label> = {
  'assisted-in-person': { da: 'Indsendt via Borgerservice', en: 'Submitted through Citizen Service' },
  'assisted-phone': { da: 'Indsendt via Borgerservice på telefon', en: 'Submitted through Citizen Service by phone' },
  paper: { da: 'Indsendt på papirskema', en: 'Submitted on a paper form' },
  event: { da: 'Kom frem på et arrangement', en: 'Came up at an event' },
};

/** What each kind of phase is called where people read it (the timeline, the process list, the workspace). */
export const phaseKindLabels: Record<PhaseKind, Label> = {
  information: { da: 'Information', en: 'Information' },
  survey: { da: 'Spørgeskema', en: 'Survey' },
  ideas: { da: 'Idéer', en: 'Ideas' },
  voting: { da: 'Afstemning', en: 'Voting' },
  consultation: { da: 'Høring', en: 'Consultation' },
  event: { da: 'Temadag/arrangement', en: 'Theme day/event' },
  review: { da: 'Udvalget behandler', en: 'The committee reviews' },
  closed: { da: 'Afsluttet', en: 'Closed' },
};

/** What a participant can do while a phase of the kind is open, in one sentence (matches `phaseRules`). */
export const phaseKindExplanations: Record<PhaseKind, Label> = {
  information: { da: 'Læs om forløbet og det, udvalget skal arbejde med.', en: 'Read about the process and what the committee will work on.' },
  survey: { da: 'Svar på et spørgeskema.', en: 'Answer a survey.' },
  ideas: { da: 'Del idéer, stem på dem, du støtter, og kommentér.', en: 'Share ideas, vote for the ones you support and comment.' },
  voting: { da: 'Stem på de idéer, du støtter, og kommentér. Der kan ikke deles nye idéer.', en: 'Vote for the ideas you support and comment. New ideas cannot be shared.' },
  consultation: { da: 'Giv dit høringssvar.', en: 'Give your consultation response.' },
  event: { da: 'Mød udvalget til en temadag eller et arrangement.', en: 'Meet the committee at a theme day or an event.' },
  review: { da: 'Udvalget læser og behandler idéerne. Du kan følge med i, hvad der sker med dem.', en: 'The committee reads and reviews the ideas. You can follow what happens to them.' },
  closed: { da: 'Forløbet er slut. Idéerne og udvalgets svar kan stadig læses.', en: 'The process has ended. The ideas and the committee’s answers can still be read.' },
};

/** How new ideas are moderated (a process setting). */
export const moderationModeLabels: Record<'pre' | 'post', Label> = {
  pre: { da: 'Idéer vises, når en moderator har godkendt dem', en: 'Ideas are shown once a moderator has approved them' },
  post: { da: 'Idéer vises med det samme og modereres bagefter', en: 'Ideas are shown at once and moderated afterwards' },
};

/**
 * A process's configuration fields as a change to them is named (the public list of changes and the
 * admins' audit log): top-level fields and settings, as `ConfigChange.field` spells them.
 */
export const configFieldLabels: Record<string, Label> = {
  title: { da: 'Titel', en: 'Title' },
  summary: { da: 'Resumé', en: 'Summary' },
  description: { da: 'Formål', en: 'Purpose' },
  plainIntro: { da: 'Letlæst introduktion', en: 'Plain-language introduction' },
  charter: { da: 'Kommissorium', en: 'Terms of reference' },
  phases: { da: 'Faser og datoer', en: 'Phases and dates' },
  areas: { da: 'Områder', en: 'Areas' },
  effects: { da: 'Forventede effekter', en: 'Expected effects' },
  settings: { da: 'Regler', en: 'Rules' },
  'settings.moderation': { da: 'Moderation', en: 'Moderation' },
  'settings.flagThreshold': { da: 'Anmeldelser, før et indlæg tages ud til moderation', en: 'Reports before a post is held for moderation' },
  'settings.limits': { da: 'Grænser pr. person', en: 'Limits per person' },
  'settings.votesPerPerson': { da: 'Stemmer pr. person', en: 'Votes per person' },
  'settings.personalDataUntil': { da: 'Persondata slettes', en: 'Personal data erased' },
  archived: { da: 'Arkiveret', en: 'Archived' },
  'settings.limits.votesPerMinute': { da: 'Stemmer pr. minut', en: 'Votes per minute' },
  'settings.limits.commentsPerMinute': { da: 'Kommentarer pr. minut', en: 'Comments per minute' },
  'settings.limits.ideasPerHour': { da: 'Idéer pr. time', en: 'Ideas per hour' },
  'settings.limits.flagsPerHour': { da: 'Anmeldelser pr. time', en: 'Reports per hour' },
};

/** A configuration value that is not a name, a number or a date, as a change to it shows it. */
export const configValueLabels: Record<'yes' | 'no' | 'none' | 'unlimited', Label> = {
  yes: { da: 'Ja', en: 'Yes' },
  no: { da: 'Nej', en: 'No' },
  none: { da: 'Ingen', en: 'None' },
  unlimited: { da: 'Ubegrænset', en: 'Unlimited' },
};

export const commentStateLabels: Record<CommentState, Label> = {
  visible: { da: 'Synlig', en: 'Visible' },
  held: { da: 'Tilbageholdt efter anmeldelser', en: 'Held after reports' },
  hidden: { da: 'Skjult af moderator', en: 'Hidden by a moderator' },
  deleted: { da: 'Slettet', en: 'Deleted' },
};

/** What the committee did with a consultation comment: the SPA, the export and the printed report say it so. */
export const answerStatusLabels: Record<AnswerStatus, Label> = {
  adopted: { da: 'Taget med', en: 'Taken into account' },
  partly: { da: 'Delvist taget med', en: 'Partly taken into account' },
  'not-adopted': { da: 'Ikke taget med', en: 'Not taken into account' },
  'out-of-scope': { da: 'Uden for rammen', en: 'Outside the scope' },
};

/** Where a respondent stands on a consultation paragraph. */
export const positionLabels: Record<Position, Label> = {
  agree: { da: 'Enig', en: 'Agree' },
  neutral: { da: 'Neutral', en: 'Neutral' },
  disagree: { da: 'Uenig', en: 'Disagree' },
};

export const accountStateLabels: Record<'active' | 'blocked', Label> = {
  active: { da: 'Aktiv', en: 'Active' },
  blocked: { da: 'Blokeret', en: 'Blocked' },
};

/** Added to an idea's status while flags hold it: "Offentliggjort, tilbageholdt efter anmeldelser". */
export const heldLabel: Label = { da: 'tilbageholdt efter anmeldelser', en: 'held after reports' };

/** A user without roles, as a role change records it. */
export const noRolesLabel: Label = { da: 'Ingen roller', en: 'No roles' };

/** A label inside a sentence: "har nu status under behandling". */
export const inSentence = (label: string): string => label.charAt(0).toLocaleLowerCase('da') + label.slice(1);

/** A value's label, or the value itself when this version has no label for it (a newer value). */
export const labelOf = <K extends string>(labels: Record<K, Label>, value: string, locale: LabelLocale): string =>
  Object.hasOwn(labels, value) ? labels[value as K][locale] : value;
