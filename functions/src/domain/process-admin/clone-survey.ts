// handler --> (use case) --> ProcessStore (the process, its survey and their audit entries in one transaction)
import type { Process, ProcessClone } from '#shared/schemas/process';
import type { Survey } from '#shared/schemas/survey';
import type { SurveyStore } from '../survey/ports';
import { cloneProcess } from './clone';
import type { ConfigActor, ProcessAdminDeps } from './record';

export interface CloneDeps extends ProcessAdminDeps {
  surveys: Pick<SurveyStore, 'get'>;
}

/**
 * Clone a process with its survey (the two-year revisit asks the same questions again, so the rounds
 * can be compared: the clone's `clonedFrom` names the source). Primary course:
 * 1. The process is cloned as `cloneProcess` does (404, 409, 400 as there).
 * 2. The source's survey, if any, is copied to the new process without its answers: it is not
 *    answered yet (no `firstAnswerAt`, so its structure may still change) and its results are not
 *    published; audited in the new process's log, naming the source.
 * 3. Process, survey and both audit entries are written in one transaction: a refused clone (a taken
 *    id) writes no survey, and no clone is ever left without the survey it was made with.
 */
export async function cloneProcessWithSurvey(deps: CloneDeps, actor: ConfigActor, sourceId: string, input: ProcessClone, now: Date): Promise<Process> {
  return cloneProcess(deps, actor, sourceId, input, now, async (clone) => {
    const survey = await deps.surveys.get(sourceId);
    if (!survey) return undefined;
    const actorName = actor.name ?? (await deps.profiles.get(actor.userId))?.displayName ?? 'Administrator';
    return {
      survey: surveyCopy(survey, clone.id, now),
      audit: {
        id: deps.newId(now),
        processId: clone.id,
        at: now.toISOString(),
        actorId: actor.userId,
        actorName,
        action: 'survey-save',
        targetKind: 'survey',
        targetId: clone.id,
        reason: `Kopieret fra "${survey.title.da}" (${sourceId})`,
      },
    };
  });
}

/** The survey as the new process's own: the same questions, no answers, not published, created now. */
export function surveyCopy(survey: Survey, processId: string, now: Date): Survey {
  const { firstAnswerAt: _answered, resultsPublishedAt: _published, ...definition } = structuredClone(survey);
  const at = now.toISOString();
  return { ...definition, processId, createdAt: at, updatedAt: at };
}
