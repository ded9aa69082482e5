// handler --> domain/my-data exportMyData --> (use case) --> DecisionReader
import type { MyDataExport } from '#shared/schemas/me';
import type { AuditRecord, DecisionReader, UserItems } from './ports';

type Decisions = NonNullable<MyDataExport['decisions']>;

/** Why the decisions in the download name no employee, and where to ask (Danish first). */
export const DECISIONS_NOTE = {
  da:
    'Her står de afgørelser, moderatorerne har truffet om din konto og om det, du har skrevet, med den begrundelse, de gav, og hvad der lige nu afventer en moderator, fordi andre har anmeldt det. ' +
    'Afgørelsen er kommunens, så navnet på den medarbejder, der traf den, står ikke her. Vil du vide mere eller klage over en afgørelse, så kontakt Gentofte Kommune.',
  en:
    'Here are the decisions the moderators took about your account and about what you wrote, with the reason they gave, and what is waiting for a moderator right now because others flagged it. ' +
    'The decision is the municipality’s, so the name of the employee who took it is not here. To know more or to complain about a decision, contact Gentofte Kommune.',
};

/**
 * The decisions about a person for their data download (GDPR Art. 15). Primary course:
 * 1. The audit entries about the account (block, unblock): each with its time and reason.
 * 2. The entries about each of their ideas, comments and consultation responses (one Query per item: a download is rare),
 *    leaving out what the person did themselves; newest first.
 * 3. What is held for review after flags, from the items themselves.
 * Entries name the moderator, who is left out: what an employee did for the municipality is not the
 * person's data, and the municipality answers for it (DECISIONS_NOTE).
 */
/** A consultation response as the decisions need it. */
export interface DecidedResponse {
  id: string;
  processId: string;
  documentId: string;
  state: string;
}

export async function myDecisions(reader: DecisionReader, userId: string, items: Pick<UserItems, 'ideas' | 'comments'>, responses: DecidedResponse[] = []): Promise<Decisions> {
  const byOthers = (entries: AuditRecord[]) => entries.filter((e) => e.actorId !== userId);
  const reasonOf = (e: AuditRecord) => (e.reason ? { reason: e.reason } : {});
  const account = byOthers(await reader.about(userId)).map((e) => ({ action: e.action, at: e.at, ...reasonOf(e) }));
  const content: Decisions['content'] = [];
  for (const idea of items.ideas) {
    for (const e of byOthers(await reader.about(idea.id))) content.push({ kind: 'idea', id: idea.id, ideaId: idea.id, processId: idea.processId, action: e.action, at: e.at, ...reasonOf(e) });
  }
  for (const comment of items.comments) {
    for (const e of byOthers(await reader.about(comment.id))) content.push({ kind: 'comment', id: comment.id, ideaId: comment.ideaId, processId: comment.processId, action: e.action, at: e.at, ...reasonOf(e) });
  }
  for (const response of responses) {
    for (const e of byOthers(await reader.about(response.id))) content.push({ kind: 'response', id: response.id, documentId: response.documentId, processId: response.processId, action: e.action, at: e.at, ...reasonOf(e) });
  }
  content.sort((a, b) => b.at.localeCompare(a.at));
  const held: Decisions['held'] = [
    ...items.ideas.filter((i) => i.held).map((i) => ({ kind: 'idea' as const, id: i.id })),
    ...items.comments.filter((c) => c.state === 'held').map((c) => ({ kind: 'comment' as const, id: c.id, ideaId: c.ideaId })),
    ...responses.filter((r) => r.state === 'held').map((r) => ({ kind: 'response' as const, id: r.id, documentId: r.documentId })),
  ];
  return { note: DECISIONS_NOTE, account, content, held };
}
