// handler --> (use case) --> AssistedPersonStore (claim code + audit), UserDataStore, VoteStore (titles)
import { formatClaimCode, type AssistedChannel } from '#shared/rules/assisted';
import type { Process } from '#shared/schemas/process';
import type { Receipt, ReceiptItem } from '#shared/schemas/assisted';
import type { Actor } from '../../lib/auth';
import { siteLink } from '../links';
import type { AuditRecord } from '../ports';
import { getProcess } from '../processes';
import { assistantName, assistedAudit, unclaimedPersonIn } from './acting-person';
import { claimCodeHash } from './claim-codes';
import type { AssistedDeps } from './deps';
import type { AssistedPersonRecord } from './ports';

/** Where the citizen types the code once signed in (the SPA's page under Min side). */
export const CLAIM_PATH = '/min-side/hent-bidrag';
/** How much of a comment the receipt repeats: enough to recognise it on paper. */
export const COMMENT_EXCERPT = 80;

/** The process's page, for a receipt that points at no single idea (a survey answer, the full receipt). */
export const processLink = (site: string, processId: string) => siteLink(site, `/forloeb/${encodeURIComponent(processId)}`);

/**
 * A receipt with a fresh claim code. The code's hash joins the person's (any of their codes claims
 * everything of theirs) in one transaction with the act's audit entry (AssistedStore.addClaimCode);
 * the code itself exists only on the receipt handed back.
 */
export async function issueReceipt(
  deps: Pick<AssistedDeps, 'persons' | 'newClaimCode'>,
  r: { person: AssistedPersonRecord; process: Process; channel: AssistedChannel; now: Date; site: string; followUrl: string; items: ReceiptItem[]; audit: AuditRecord },
): Promise<Receipt> {
  const code = deps.newClaimCode();
  const hash = claimCodeHash(code);
  // newClaimCode always makes a valid code; a broken generator must not print a code that claims nothing.
  if (!hash) throw new Error('a new claim code did not read back as a code');
  await deps.persons.addClaimCode(r.person, hash, r.audit);
  return {
    personId: r.person.id,
    name: r.person.name,
    processId: r.process.id,
    processTitle: r.process.title.da,
    channel: r.channel,
    at: r.now.toISOString(),
    claimCode: formatClaimCode(code),
    followUrl: r.followUrl,
    claimUrl: siteLink(r.site, CLAIM_PATH),
    items: r.items,
  };
}

export const commentExcerpt = (body: string | undefined) => {
  const flat = (body ?? '').replace(/\s+/g, ' ').trim();
  return flat.length <= COMMENT_EXCERPT ? flat : `${flat.slice(0, COMMENT_EXCERPT - 1).trimEnd()}…`;
};

/** Everything the citizen has taken part with in the process, as receipt lines: ideas, votes, comments, the survey. */
export async function everythingOf(deps: Pick<AssistedDeps, 'userData' | 'votes' | 'persons'>, person: AssistedPersonRecord): Promise<ReceiptItem[]> {
  const items = await deps.userData.itemsOf(person.userId);
  const ideas = items.ideas.filter((i) => i.processId === person.processId);
  const votes = items.votes.filter((v) => v.processId === person.processId);
  const comments = items.comments.filter((c) => c.processId === person.processId && c.state !== 'deleted');
  const titleIds = [...new Set([...votes.map((v) => v.ideaId), ...comments.map((c) => c.ideaId)])];
  const titles = new Map((titleIds.length ? await deps.votes.ideas(titleIds) : []).map((i) => [i.id, i.title]));
  const day = await deps.persons.surveyAnswerDay(person.processId, person.userId);
  return [
    ...ideas.map((i): ReceiptItem => ({ kind: 'idea', ideaId: i.id, title: i.title, pending: i.status === 'pending' })),
    ...votes.map((v): ReceiptItem => ({ kind: 'vote', ideaId: v.ideaId, title: titles.get(v.ideaId) ?? '' })),
    ...comments.map((c): ReceiptItem => ({ kind: 'comment', ideaId: c.ideaId, ideaTitle: titles.get(c.ideaId) ?? '', excerpt: commentExcerpt(c.body) })),
    ...(day ? [{ kind: 'survey', day } as ReceiptItem] : []),
  ];
}

/**
 * A new receipt listing everything the citizen has taken part with (printed after several votes, or
 * when the first one is lost). Primary course: the person is the process's and not claimed (404/409);
 * the site's address is known (503); a new code with its audit entry ('assisted-receipt').
 */
export async function assistedReceipt(deps: AssistedDeps, actor: Actor, processId: string, personId: string, channel: AssistedChannel): Promise<{ receipt: Receipt }> {
  const person = await unclaimedPersonIn(deps, processId, personId);
  const [process, site, name] = await Promise.all([getProcess(deps.processes, processId), deps.siteUrl(), assistantName(deps, actor)]);
  const now = deps.clock.now();
  const items = await everythingOf(deps, person);
  const audit = assistedAudit(deps, { id: actor.userId, name }, now, { action: 'assisted-receipt', processId, targetId: person.id, channel });
  return { receipt: await issueReceipt(deps, { person, process, channel, now, site, followUrl: processLink(site, processId), items, audit }) };
}
