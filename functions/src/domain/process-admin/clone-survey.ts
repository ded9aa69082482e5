// handler --> (use case) --> ProcessStore, SurveyStore (each with its audit entry)
import type { Process, ProcessClone } from '#shared/schemas/process';
import type { Survey } from '#shared/schemas/survey';
import type { SurveyStore } from '../survey/ports';
import { cloneProcess } from './clone';
import type { ConfigActor, ProcessAdminDeps } from './record';

export interface CloneDeps extends ProcessAdminDeps {
  surveys: Pick<SurveyStore, 'get' | 'save'>;
}

/**
 * Clone a process with its survey (the two-year revisit asks the same questions again, so the rounds
 * can be compared). Primary course:
 * 1. The source's survey is read first, so a failing read leaves no process behind.
 * 2. The process is cloned as `cloneProcess` does (404, 409, 400 as there).
 * 3. The survey, if any, is copied to the new process without its answers: it is not answered yet
 *    (no `firstAnswerAt`, so its structure may still change) and its results are not published;
 *    audited in the new process's log, naming the source.
 */
export async function cloneProcessWithSurvey(deps: CloneDeps, actor: ConfigActor, sourceId: string, input: ProcessClone, now: Date): Promise<Process> {
  const survey = await deps.surveys.get(sourceId);
  const process = await cloneProcess(deps, actor, sourceId, input, now);
  if (survey) {
    const copy = surveyCopy(survey, process.id, now);
    const actorName = actor.name ?? (await deps.profiles.get(actor.userId))?.displayName ?? 'Administrator';
    // Nothing can hold a survey of a process created a moment ago, so a refusal here is a real fault.
    const outcome = await deps.surveys.save(copy, undefined, true, {
      id: deps.newId(now),
      processId: process.id,
      at: now.toISOString(),
      actorId: actor.userId,
      actorName,
      action: 'survey-save',
      targetKind: 'survey',
      targetId: process.id,
      reason: `Kopieret fra "${survey.title.da}" (${sourceId})`,
    });
    if (outcome !== 'saved') throw new Error(`The survey of the new process ${process.id} could not be written (${outcome})`);
  }
  return process;
}

/** The survey as the new process's own: the same questions, no answers, not published, created now. */
export function surveyCopy(survey: Survey, processId: string, now: Date): Survey {
  const { firstAnswerAt: _answered, resultsPublishedAt: _published, ...definition } = structuredClone(survey);
  const at = now.toISOString();
  return { ...definition, processId, createdAt: at, updatedAt: at };
}
