import { describe, expect, it } from 'vitest';
import { lensState, setIdeaAiLens, type AiLensDeps, type AiLensStore } from '#functions/domain/ai-lens';
import type { AuditRecord, IdeaRecord } from '#functions/domain/ports';
import type { AiLens } from '#shared/schemas/ai-lens';
import { anIdea, aProfile } from '../fakes/records';

/** The lens use case on in-memory ports: what it writes, when it writes nothing, and its answers. */

const ID = '01JD0000000000000000000I01';
const SEEN = '2026-11-28T10:00:00.000Z';
const NOW = new Date('2026-11-28T12:00:00.000Z');
const moderator = { userId: 'mod-1', roles: ['moderator' as const] };

function setup(idea: IdeaRecord | undefined, outcome: 'set' | 'changed' | 'gone' = 'set') {
  const writes: { lens: AiLens | null; expected: string; audit: AuditRecord }[] = [];
  const aiLenses: AiLensStore = {
    async setOnIdea(_id, expected, lens, _now, audit) {
      writes.push({ lens, expected, audit });
      return outcome;
    },
  };
  const deps: AiLensDeps = {
    ideas: { get: async (id) => (idea && id === idea.id ? idea : undefined) },
    aiLenses,
    profiles: { get: async (id) => aProfile(id, { displayName: 'Moderator Mette' }) },
    clock: { now: () => NOW },
    newId: () => '01JD0000000000000000000A01',
  };
  return { deps, writes };
}

describe('setIdeaAiLens', () => {
  it('writes the lens on the version seen, with an audit entry naming the moderator and the tags', async () => {
    const { deps, writes } = setup(anIdea(ID, { updatedAt: SEEN }));
    const out = await setIdeaAiLens(deps, moderator, ID, { lens: { aiActCategory: 'prohibited', ethicsNote: 'Social pointgivning' }, expectedUpdatedAt: SEEN });
    expect(out).toEqual({ aiLens: { aiActCategory: 'prohibited', ethicsNote: 'Social pointgivning' }, updatedAt: NOW.toISOString() });
    expect(writes).toHaveLength(1);
    expect(writes[0]!.expected).toBe(SEEN);
    expect(writes[0]!.audit).toMatchObject({
      action: 'ai-lens',
      targetKind: 'idea',
      targetId: ID,
      actorId: 'mod-1',
      actorName: 'Moderator Mette',
      after: { kind: 'text', text: 'Forbudt anvendelse efter AI-forordningen\nDataetiske bemærkninger: Social pointgivning' },
    });
    expect(writes[0]!.audit.before).toBeUndefined();
  });

  it('refuses a version older than the idea with 409 before writing', async () => {
    const { deps, writes } = setup(anIdea(ID, { updatedAt: SEEN }));
    await expect(setIdeaAiLens(deps, moderator, ID, { lens: { aiActCategory: 'minimal' }, expectedUpdatedAt: '2026-11-28T09:00:00.000Z' })).rejects.toMatchObject({ status: 409 });
    expect(writes).toEqual([]);
  });

  it('answers 409 when the idea changed between read and write, 404 when it is gone or unknown', async () => {
    const input = { lens: { aiActCategory: 'minimal' as const }, expectedUpdatedAt: SEEN };
    await expect(setIdeaAiLens(setup(anIdea(ID, { updatedAt: SEEN }), 'changed').deps, moderator, ID, input)).rejects.toMatchObject({ status: 409 });
    await expect(setIdeaAiLens(setup(anIdea(ID, { updatedAt: SEEN }), 'gone').deps, moderator, ID, input)).rejects.toMatchObject({ status: 404 });
    const none = setup(undefined);
    await expect(setIdeaAiLens(none.deps, moderator, ID, input)).rejects.toMatchObject({ status: 404 });
    expect(none.writes).toEqual([]);
  });

  it('writes nothing for the lens already there (in any key order)', async () => {
    const stored = { dpiaNeeded: true, aiActCategory: 'high-risk', highRiskArea: 'education' } as const;
    const { deps, writes } = setup(anIdea(ID, { updatedAt: SEEN, aiLens: stored }));
    const out = await setIdeaAiLens(deps, moderator, ID, { lens: { aiActCategory: 'high-risk', highRiskArea: 'education', dpiaNeeded: true }, expectedUpdatedAt: SEEN });
    expect(out).toEqual({ aiLens: stored, updatedAt: SEEN });
    expect(writes).toEqual([]);
  });

  it('removes the lens for an empty one, and a flag answered "no" is kept and logged', async () => {
    const { deps, writes } = setup(anIdea(ID, { updatedAt: SEEN, aiLens: { digitalExclusion: true } }));
    expect(await setIdeaAiLens(deps, moderator, ID, { lens: {}, expectedUpdatedAt: SEEN })).toEqual({ updatedAt: NOW.toISOString() });
    expect(writes[0]!.lens).toBeNull();
    expect(writes[0]!.audit.before).toEqual({ kind: 'text', text: 'Berører borgere, der har svært ved det digitale' });
    expect(writes[0]!.audit.after).toBeUndefined();

    expect(lensState({ digitalExclusion: false })).toEqual({ kind: 'text', text: 'Berører ikke borgere, der har svært ved det digitale' });
    expect(lensState({ ethicsNote: 'Kun en note' })).toEqual({ kind: 'text', text: 'Dataetiske bemærkninger: Kun en note' });
  });
});
