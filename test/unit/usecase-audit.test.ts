import { describe, expect, it } from 'vitest';
import { auditLog, readState } from '#functions/domain/audit';
import { moderateComment, moderateIdea, moderateUser } from '#functions/domain/moderation';
import { setRoles } from '#functions/domain/roles';
import { auditLogSchema, auditQuerySchema } from '#shared/schemas/moderation';
import { fakeWorld, PROCESS_ID } from '../fakes';

/** The audit log as the log page reads it: filters, target names, states. Each test: prepare, act, assess. */
function world() {
  const w = fakeWorld();
  const mona = w.given.user('mona', ['moderator'], { displayName: 'Mona Moderator' });
  const mads = w.given.user('mads', ['moderator', 'admin'], { displayName: 'Mads Moderator' });
  w.given.user('author', [], { displayName: 'Anna Forfatter' });
  return { ...w, mona, mads };
}

const query = (extra: Record<string, unknown> = {}) => auditQuerySchema.parse({ processId: PROCESS_ID, ...extra });

describe('auditLog', () => {
  it('filters by action, by moderator, by both and by target, newest first, and lists who has decided', async () => {
    const w = world();
    const [a, b] = [w.given.idea({ status: 'pending' }), w.given.idea({ status: 'pending' })];
    await moderateIdea(w.deps, w.mona, a.id, { action: 'publish' });
    w.clock.advance(1000);
    await moderateIdea(w.deps, w.mads, b.id, { action: 'publish' });
    w.clock.advance(1000);
    await moderateIdea(w.deps, w.mona, b.id, { action: 'hide', reason: 'Personoplysninger' });

    const all = await auditLog(w.deps, query());
    const published = await auditLog(w.deps, query({ action: 'publish' }));
    const byMona = await auditLog(w.deps, query({ actorId: 'mona' }));
    const both = await auditLog(w.deps, query({ action: 'publish', actorId: 'mona' }));
    const ofB = await auditLog(w.deps, query({ targetId: b.id }));
    const none = await auditLog(w.deps, query({ action: 'merge' }));

    expect(all.items.map((e) => `${e.action}:${e.actorId}`)).toEqual(['hide:mona', 'publish:mads', 'publish:mona']);
    expect(published.items.map((e) => e.targetId)).toEqual([b.id, a.id]);
    expect(byMona.items.map((e) => e.action)).toEqual(['hide', 'publish']);
    expect(both.items.map((e) => e.targetId)).toEqual([a.id]);
    expect(ofB.items.map((e) => e.action)).toEqual(['hide', 'publish']);
    expect(none).toMatchObject({ items: [], nextCursor: null });
    expect(all.actors).toEqual([
      { id: 'mads', name: 'Mads Moderator' },
      { id: 'mona', name: 'Mona Moderator' },
    ]);
    expect(() => auditLogSchema.parse(all)).not.toThrow();
  });

  it('names each target as it is called now and links ideas and comments to their idea; an erased account keeps no name', async () => {
    const w = world();
    const idea = w.given.idea({ title: 'Chatbot på borger.dk', authorId: 'author' });
    const comment = w.given.comment(idea.id, 'author');
    w.given.user('gone', [], { displayName: 'Slettet Person' });
    w.given.comment(idea.id, 'gone');
    await moderateComment(w.deps, w.mona, comment.id, { action: 'hide', reason: 'Personangreb' });
    await moderateUser(w.deps, w.mona, 'author', { action: 'block', reason: 'Gentagne personangreb', hideContent: false });
    await moderateUser(w.deps, w.mona, 'gone', { action: 'block', reason: 'Spam-konto', hideContent: false });
    w.tables.profiles.delete('gone');
    await moderateIdea(w.deps, w.mona, idea.id, { action: 'set-status', status: 'under_review' });

    const { items } = await auditLog(w.deps, query());

    const byAction = Object.fromEntries(items.map((e) => [`${e.action}:${e.targetId}`, e]));
    expect(byAction[`set-status:${idea.id}`]).toMatchObject({ targetKind: 'idea', targetTitle: 'Chatbot på borger.dk', ideaId: idea.id });
    expect(byAction[`comment-hide:${comment.id}`]).toMatchObject({ targetKind: 'comment', targetTitle: 'Chatbot på borger.dk', ideaId: idea.id });
    expect(byAction['block:author']).toMatchObject({ targetKind: 'user', targetTitle: 'Anna Forfatter' });
    expect(byAction['block:author']!.ideaId).toBeUndefined();
    expect(byAction['block:gone']).toBeDefined();
    expect(byAction['block:gone']!.targetTitle).toBeUndefined();
  });

  it("names an assistant's act after the citizen assisted and links the idea it concerns", async () => {
    const w = world();
    const idea = w.given.idea({ title: 'AI ved skranken', authorId: 'assisted-01JZZZZZZZZZZZZZZZZZZZZZZZ' });
    w.given.user('assisted-01JZZZZZZZZZZZZZZZZZZZZZZZ', [], { displayName: 'Else Jensen' });
    w.tables.audit.set('01K00000000000000000000000', {
      id: '01K00000000000000000000000', processId: PROCESS_ID, at: w.clock.now().toISOString(), actorId: 'bente', actorName: 'Bente Borgerservice',
      action: 'assisted-idea', targetKind: 'assisted-person', targetId: '01JZZZZZZZZZZZZZZZZZZZZZZZ', ideaId: idea.id, channel: 'assisted-phone',
    });

    const { items } = await auditLog(w.deps, query());

    expect(items[0]).toMatchObject({ action: 'assisted-idea', targetKind: 'assisted-person', targetTitle: 'Else Jensen', ideaId: idea.id, channel: 'assisted-phone' });
    expect(() => auditLogSchema.parse({ items, nextCursor: null, actors: [] })).not.toThrow();
  });

  it('hands out states structured, for each reader to word: idea, comment, account and roles', async () => {
    const w = world();
    const idea = w.given.idea({ status: 'published', held: true, flagCount: 3 });
    const comment = w.given.comment(idea.id, 'author', { state: 'held' });
    await moderateIdea(w.deps, w.mona, idea.id, { action: 'hide', reason: 'Krænkende sprog' });
    await moderateComment(w.deps, w.mona, comment.id, { action: 'restore' });
    await moderateUser(w.deps, w.mona, 'author', { action: 'block', reason: 'Gentagne personangreb', hideContent: false });
    await setRoles(w.deps, w.mads, 'mona', ['admin', 'moderator']);

    const process = await auditLog(w.deps, query());
    const platform = await auditLog(w.deps, query({ processId: 'platform' }));

    expect(process.items.map((e) => [e.action, e.before, e.after])).toEqual([
      ['block', { kind: 'account', blocked: false }, { kind: 'account', blocked: true }],
      ['comment-restore', { kind: 'comment', state: 'held' }, { kind: 'comment', state: 'visible' }],
      ['hide', { kind: 'idea', status: 'published', held: true }, { kind: 'idea', status: 'hidden', held: false }],
    ]);
    expect(platform.items.map((e) => [e.action, e.before, e.after])).toEqual([['roles', { kind: 'roles', roles: ['moderator'] }, { kind: 'roles', roles: ['admin', 'moderator'] }]]);
  });
});

describe('readState: entries written before states were structured', () => {
  const idea = { action: 'hide', targetKind: 'idea' } as const;
  it('reads the old strings of ideas, comments, accounts and roles', () => {
    expect(readState('published (afventer moderator)', idea)).toEqual({ kind: 'idea', status: 'published', held: true });
    expect(readState('under_review', idea)).toEqual({ kind: 'idea', status: 'under_review', held: false });
    expect(readState('visible', { action: 'comment-restore', targetKind: 'comment' })).toEqual({ kind: 'comment', state: 'visible' });
    expect(readState('blocked', { action: 'block', targetKind: 'user' })).toEqual({ kind: 'account', blocked: true });
    expect(readState('admin, moderator', { action: 'roles', targetKind: 'user' })).toEqual({ kind: 'roles', roles: ['admin', 'moderator'] });
    expect(readState('ingen', { action: 'roles', targetKind: 'user' })).toEqual({ kind: 'roles', roles: [] });
  });

  it('keeps a string it cannot read as text, and a structured state as it is', () => {
    expect(readState('archived', idea)).toEqual({ kind: 'text', text: 'archived' });
    expect(readState('published (something else)', idea)).toEqual({ kind: 'text', text: 'published (something else)' });
    expect(readState({ kind: 'idea', status: 'hidden', held: false }, idea)).toEqual({ kind: 'idea', status: 'hidden', held: false });
    expect(readState(undefined, idea)).toBeUndefined();
  });
});
