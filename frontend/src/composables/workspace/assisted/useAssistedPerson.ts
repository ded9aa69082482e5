import { shallowRef } from 'vue';
import type { Process } from '#shared/schemas/process';
import type { Survey } from '#shared/schemas/survey';
import { fetchPerson, type AssistedPersonView } from '../../../api/assistedWorkspace';
import { ApiError } from '../../../api/client';
import { fetchSurvey } from '../../../api/survey';
import { fetchProcess } from '../../../api/workspace';
import { useAsyncTask } from '../../useAsyncTask';

/** The process's survey, or undefined when it has none (404). */
export async function surveyOf(processId: string, signal?: AbortSignal): Promise<Survey | undefined> {
  try {
    return await fetchSurvey(processId, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

/**
 * One citizen as the assistant acts for them, with what the forms need: the process (areas,
 * effects, the vote rule) and its survey. A person not in the process is `notFound` (404).
 */
export function useAssistedPerson() {
  const person = shallowRef<AssistedPersonView>();
  const process = shallowRef<Process>();
  const survey = shallowRef<Survey>();
  const notFound = shallowRef(false);
  const task = useAsyncTask();

  const load = (processId: string, personId: string) =>
    task.run(async (signal) => {
      notFound.value = false;
      try {
        [person.value, process.value, survey.value] = await Promise.all([fetchPerson(processId, personId, signal), fetchProcess(processId, signal), surveyOf(processId, signal)]);
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 404)) throw error;
        notFound.value = true;
      }
    });

  /** After a vote: the citizen's voted ideas as the API answered. */
  function voted(ideaId: string, on: boolean) {
    if (!person.value) return;
    const rest = person.value.votedIdeaIds.filter((id) => id !== ideaId);
    person.value = { ...person.value, votedIdeaIds: on ? [...rest, ideaId] : rest };
  }

  return { person, process, survey, notFound, status: task.status, error: task.error, load, voted };
}
