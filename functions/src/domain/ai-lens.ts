// handler --> (use case) --> IdeaStore (read), AiLensStore (write with its audit entry)
import { digitalExclusionLabel, dpiaLabel, ethicsNoteLabel, lensCell } from '#shared/rules/ai-lens';
import type { AuditState } from '#shared/rules/audit';
import type { AiLens, AiLensUpdate } from '#shared/schemas/ai-lens';
import type { Actor } from '../lib/auth';
import { ConflictError, NotFoundError } from '../lib/errors';
import { auditEntry } from './audit';
import type { AuditRecord, IdeaStore, ProfileStore } from './ports';

/** Writes an idea's lens (implemented by adapters/dynamodb/ai-lens.ts). */
export interface AiLensStore {
  /**
   * Sets the lens (or removes it: null) and `updatedAt`, with the audit entry, in one transaction, if
   * the idea's `updatedAt` is still `expectedUpdatedAt`; `changed` (nothing written) when the idea was
   * changed since, `gone` when it no longer exists.
   */
  setOnIdea(ideaId: string, expectedUpdatedAt: string, lens: AiLens | null, now: Date, audit: AuditRecord): Promise<'set' | 'changed' | 'gone'>;
}

export interface AiLensDeps {
  ideas: Pick<IdeaStore, 'get'>;
  aiLenses: AiLensStore;
  profiles: Pick<ProfileStore, 'get'>;
  clock: { now(): Date };
  newId: (now: Date) => string;
}

export interface AiLensResult {
  aiLens?: AiLens;
  updatedAt: string;
}

/**
 * Tag an idea with the AI Act and data-ethics lens (rules/ai-lens.ts). Moderators and the committee
 * (the route's access) assess an idea in any status: a pending idea may be assessed before it is shown.
 * Primary course:
 * 1. The idea exists (else 404).
 * 2. It is the version the caller edited (`expectedUpdatedAt`), else 409: two assessors must not
 *    overwrite each other's tags unseen.
 * 3. The same lens as stored: nothing is written (no audit entry for no change).
 * 4. The lens replaces the old one (an empty lens removes it) with `updatedAt`, and the audit entry
 *    'ai-lens' with the tags before and after in Danish words, in one transaction conditioned on
 *    `updatedAt` (a change between read and write: 409, nothing written).
 */
export async function setIdeaAiLens(deps: AiLensDeps, actor: Actor, ideaId: string, input: AiLensUpdate): Promise<AiLensResult> {
  const idea = await deps.ideas.get(ideaId);
  if (!idea) throw new NotFoundError('Idéen findes ikke.');
  if (idea.updatedAt !== input.expectedUpdatedAt) throw changed();

  const lens = isEmpty(input.lens) ? undefined : input.lens;
  if (sameLens(idea.aiLens, lens)) return { ...(idea.aiLens ? { aiLens: idea.aiLens } : {}), updatedAt: idea.updatedAt };

  const now = deps.clock.now();
  const audit = await auditEntry(deps, actor, now, {
    processId: idea.processId,
    action: 'ai-lens',
    targetKind: 'idea',
    targetId: idea.id,
    before: lensState(idea.aiLens),
    after: lensState(lens),
  });
  const outcome = await deps.aiLenses.setOnIdea(idea.id, input.expectedUpdatedAt, lens ?? null, now, audit);
  if (outcome === 'gone') throw new NotFoundError('Idéen findes ikke.');
  if (outcome === 'changed') throw changed();
  return { ...(lens ? { aiLens: lens } : {}), updatedAt: now.toISOString() };
}

const changed = () => new ConflictError('idea-changed', 'Idéen er blevet ændret i mellemtiden. Hent den igen, og vurder den igen.');

const LENS_FIELDS = ['aiActCategory', 'highRiskArea', 'dpiaNeeded', 'digitalExclusion', 'ethicsNote'] as const;

/** No tag at all: "not assessed", stored as no lens. A flag set to false is an answer and is kept. */
const isEmpty = (lens: AiLens) => LENS_FIELDS.every((f) => lens[f] === undefined);

/** Field by field: the stored map comes back from DynamoDB in any key order. */
const sameLens = (a: AiLens | undefined, b: AiLens | undefined) => LENS_FIELDS.every((f) => a?.[f] === b?.[f]);

/**
 * The lens as the log shows it: the tags in the same Danish words as the public page and the export,
 * a flag answered "no" in words too (so turning a flag off shows in the log), then the data-ethics
 * note; no lens is no state (the log says "none").
 */
export function lensState(lens: AiLens | undefined): AuditState | undefined {
  if (!lens) return undefined;
  const tags = [
    lensCell({ aiActCategory: lens.aiActCategory, highRiskArea: lens.highRiskArea }),
    lens.dpiaNeeded === undefined ? '' : lens.dpiaNeeded ? dpiaLabel.da : 'Konsekvensanalyse (DPIA) ikke nødvendig',
    lens.digitalExclusion === undefined ? '' : lens.digitalExclusion ? digitalExclusionLabel.da : 'Berører ikke borgere, der har svært ved det digitale',
  ].filter(Boolean);
  const note = lens.ethicsNote ? `${ethicsNoteLabel.da}: ${lens.ethicsNote}` : '';
  return { kind: 'text', text: [tags.join('; '), note].filter(Boolean).join('\n') };
}
