import { expect } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { gentofteAt } from '../fakes/records';
import { auditLogSchema, moderatedIdeaSchema, queueSchema } from '#shared/schemas/moderation';
import { ideaListSchema, type IdeaCreateInput } from '#shared/schemas/idea';
import { validIdea } from '../fixtures/ideas';
import type { User } from './participation';
import type { TestStack } from './stack';

/** Helpers for the moderation tests: a pre-moderated process, decisions, queues, the audit log, the outbox. */

export const PRE = 'pre-moderated';

/**
 * Writes a copy of the seeded process that is pre-moderated (new ideas wait as "pending"). Call it
 * before any request touches the id: the functions cache processes for 30 s.
 */
export async function addPreModeratedProcess(stack: TestStack, id = PRE) {
  const seeded = gentofteAt(new Date());
  await processStore(createDocumentClient(stack.info.dynamodbEndpoint), mainTable.localName).put({
    ...seeded,
    id,
    title: { da: 'Formodereret forløb', en: 'Pre-moderated process' },
    settings: { ...seeded.settings, moderation: 'pre' },
  });
}

/**
 * Posts ideas to a process with a rotating set of authors (5 ideas an hour each); `by` names the
 * author. Returns the created idea's id, its status and the author.
 */
export function ideaPoster(stack: TestStack, processId = 'ai-i-gentofte') {
  let author: User | undefined;
  let posted = 0;
  return async (overrides: Partial<IdeaCreateInput> = {}, by?: User): Promise<{ id: string; status: string; author: User }> => {
    if (!by && (!author || posted === 5)) {
      author = await stack.user({ name: 'Idéforfatter' });
      posted = 0;
    }
    if (!by) posted++;
    const who = by ?? author!;
    const r = await stack.api(`/processes/${processId}/ideas`, { method: 'POST', token: who.token, body: validIdea(overrides) });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    return { id: r.json.id as string, status: r.json.status as string, author: who };
  };
}

/** A moderation decision on an idea. */
export const decide = (stack: TestStack, token: string, ideaId: string, body: unknown) =>
  stack.api(`/ideas/${ideaId}/moderation`, { method: 'POST', token, body });

/** A decision that must succeed; returns the idea as moderators see it. */
export async function decideOk(stack: TestStack, token: string, ideaId: string, body: unknown) {
  const r = await decide(stack, token, ideaId, body);
  expect(r.status, `${JSON.stringify(body)} → ${JSON.stringify(r.json)}`).toBe(200);
  return moderatedIdeaSchema.parse(r.json);
}

/** A comment decision. */
export const decideComment = (stack: TestStack, token: string, commentId: string, body: unknown) =>
  stack.api(`/comments/${commentId}/moderation`, { method: 'POST', token, body });

/** One page of a moderation queue, checked against the contract. */
export async function queuePage(stack: TestStack, token: string, processId: string, kind: 'pending' | 'flagged', extra = '') {
  const r = await stack.api(`/moderation/queue?processId=${processId}&kind=${kind}${extra}`, { token });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return { raw: r.json as unknown, ...queueSchema.parse(r.json) };
}

/** Every item of a queue, following cursors. */
export async function queueAll(stack: TestStack, token: string, processId: string, kind: 'pending' | 'flagged') {
  const items = [];
  let cursor: string | null = null;
  do {
    const page = await queuePage(stack, token, processId, kind, `&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** The ids on a public list of a process (all pages), sorted by `sort`. */
export async function publicIds(stack: TestStack, processId: string, sort = 'new') {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const r = await stack.api(`/processes/${processId}/ideas?sort=${sort}&limit=50${sort === 'random' ? '&seed=s1' : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const page = ideaListSchema.parse(r.json);
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/** Is the idea on every public list sort of its process? One boolean per sort. */
export async function onLists(stack: TestStack, processId: string, id: string) {
  const sorts = ['new', 'top', 'trending', 'comments', 'random'];
  return (await Promise.all(sorts.map((s) => publicIds(stack, processId, s)))).map((ids) => ids.includes(id));
}

/**
 * The whole audit log of a process (optionally of one target), newest first, following cursors;
 * `filters` adds query parameters (action, actorId).
 */
export async function auditAll(stack: TestStack, token: string, processId: string, targetId?: string, limit = 100, filters: Record<string, string> = {}) {
  const items = [];
  let cursor: string | null = null;
  let pages = 0;
  const extra = Object.entries(filters).map(([k, v]) => `&${k}=${encodeURIComponent(v)}`).join('');
  do {
    const r = await stack.api(
      `/moderation/log?processId=${processId}&limit=${limit}${extra}${targetId ? `&targetId=${targetId}` : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { token },
    );
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const page = auditLogSchema.parse(r.json);
    items.push(...page.items);
    cursor = page.nextCursor;
    expect(++pages, 'audit log paging does not end').toBeLessThan(500);
  } while (cursor);
  return items;
}

export interface Mail {
  file: string;
  to: string;
  subject: string;
  text: string;
}

/** Decodes one .eml of the local outbox: RFC 2047 base64 subject, base64 body. */
export function parseEml(file: string, raw: string): Mail {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1]?.trim() ?? '';
  const subject = header('Subject').replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
  const text = Buffer.from(rest.join('\r\n\r\n').replace(/\s+/g, ''), 'base64').toString('utf8');
  return { file, to: header('To'), subject, text };
}

/** The mails in the local outbox (the folder may not exist before the first mail). */
export async function outbox(stack: TestStack): Promise<Mail[]> {
  const dir = stack.stack.outboxDir;
  const files = await readdir(dir).catch(() => [] as string[]);
  const mails = await Promise.all(files.filter((f) => f.endsWith('.eml')).sort().map(async (f) => parseEml(f, await readFile(join(dir, f), 'utf8'))));
  return mails;
}

/** Runs `act` and returns the mails that appeared in the outbox meanwhile. */
export async function mailsDuring(stack: TestStack, act: () => Promise<unknown>): Promise<Mail[]> {
  const before = new Set((await outbox(stack)).map((m) => m.file));
  await act();
  return (await outbox(stack)).filter((m) => !before.has(m.file));
}
