// handler --> (use case) --> SurveyStore (with its audit entry), ProcessStore
import { definitionProblems, structureChanged } from '#shared/rules/survey';
import type { Survey, SurveySave } from '#shared/schemas/survey';
import type { Actor } from '../../lib/auth';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors';
import { auditEntry } from '../audit';
import type { ProcessStore, ProfileStore } from '../ports';
import { getProcess } from '../processes';
import { nextUpdatedAt, sameInstant } from '../process-admin/record';
import type { SurveyStore } from './ports';

export interface SurveyAdminDeps {
  surveys: SurveyStore;
  processes: Pick<ProcessStore, 'get'>;
  profiles: Pick<ProfileStore, 'get'>;
  newId: (now: Date) => string;
}

export async function getSurvey(deps: { surveys: Pick<SurveyStore, 'get'> }, processId: string): Promise<Survey> {
  const survey = await deps.surveys.get(processId);
  if (!survey) throw new NotFoundError('Forløbet har intet spørgeskema.');
  return survey;
}

const changedMeanwhile = () =>
  new ConflictError('survey-changed', 'Spørgeskemaet er blevet ændret, siden du hentede det. Hent det igen, og gentag din ændring.', [
    { path: 'body.expectedUpdatedAt', message: 'Spørgeskemaet er ændret af en anden i mellemtiden.' },
  ]);
const structureLocked = () =>
  new ConflictError(
    'survey-locked',
    'Spørgeskemaet er allerede besvaret, så kun teksterne kan ændres: spørgsmål, svarmuligheder og grænser ligger fast, for ellers ville de svar, der er givet, betyde noget andet.',
  );

/**
 * Create or change a process's survey. Primary course:
 * 1. The process exists (404); the definition's ids are unique across the survey (400 at the field).
 * 2. It is the version the editor started from: `expectedUpdatedAt` is the stored `updatedAt`, and
 *    absent only when creating (else 409, so someone else's change is not lost).
 * 3. Once answered (`firstAnswerAt`), only texts may change: a structural change is 409.
 * 4. Written with its audit entry, in one transaction, if still unchanged and (for a structural change)
 *    still unanswered (else 409 as in 2 or 3).
 */
export async function saveSurvey(deps: SurveyAdminDeps, actor: Actor, processId: string, input: SurveySave, now: Date): Promise<Survey> {
  await getProcess(deps.processes, processId);
  const problems = definitionProblems(input);
  if (problems.length) throw new ValidationError(problems.map((p) => ({ path: `body.${p.path}`, message: p.message })));

  const stored = await deps.surveys.get(processId);
  const { expectedUpdatedAt, ...definition } = input;
  if (stored ? expectedUpdatedAt === undefined || !sameInstant(stored.updatedAt, expectedUpdatedAt) : expectedUpdatedAt !== undefined) throw changedMeanwhile();
  const structural = stored ? structureChanged(stored, definition) : true;
  if (stored?.firstAnswerAt && structural) throw structureLocked();

  const at = now.toISOString();
  const survey: Survey = {
    ...definition,
    processId,
    ...(stored?.firstAnswerAt ? { firstAnswerAt: stored.firstAnswerAt } : {}),
    ...(stored?.resultsPublishedAt ? { resultsPublishedAt: stored.resultsPublishedAt } : {}),
    createdAt: stored?.createdAt ?? at,
    updatedAt: stored ? nextUpdatedAt(stored, now) : at,
  };
  const audit = await auditEntry(deps, actor, now, { processId, action: 'survey-save', targetKind: 'survey', targetId: processId });
  const outcome = await deps.surveys.save(survey, stored?.updatedAt, structural, audit);
  if (outcome === 'stale') throw changedMeanwhile();
  if (outcome === 'locked') throw structureLocked();
  return survey;
}

/** Make the results public, or take them back; audited. The survey must exist (404). */
export async function publishSurveyResults(deps: SurveyAdminDeps, actor: Actor, processId: string, published: boolean, now: Date): Promise<Survey> {
  const survey = await getSurvey(deps, processId);
  const at = published ? (survey.resultsPublishedAt ?? now.toISOString()) : undefined;
  const audit = await auditEntry(deps, actor, now, {
    processId,
    action: 'survey-publish',
    targetKind: 'survey',
    targetId: processId,
    before: survey.resultsPublishedAt ? 'published' : 'unpublished',
    after: published ? 'published' : 'unpublished',
  });
  await deps.surveys.publish(processId, at, audit);
  const { resultsPublishedAt: _was, ...rest } = survey;
  return at ? { ...rest, resultsPublishedAt: at } : rest;
}
