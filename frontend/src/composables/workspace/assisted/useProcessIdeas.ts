import { ref, shallowRef } from 'vue';
import type { IdeaListItem } from '#shared/schemas/idea';
import { call } from '../../../api/client';
import { useAsyncTask } from '../../useAsyncTask';

/**
 * The process's public ideas for the assistant's vote and comment forms, most votes first, fifty at
 * a time (a list is never read whole); `more` reads the next page.
 */
export function useProcessIdeas() {
  const ideas = shallowRef<IdeaListItem[]>([]);
  const cursor = ref<string | null>(null);
  const task = useAsyncTask();

  const load = (processId: string, more = false) =>
    task.run(async (signal) => {
      const page = await call('listIdeas', { params: { processId }, query: { sort: 'top', limit: 50, cursor: more ? (cursor.value ?? undefined) : undefined }, signal });
      ideas.value = more ? [...ideas.value, ...page.items] : page.items;
      cursor.value = page.nextCursor;
    });

  /** An idea's count as the API answered after a vote. */
  const setCount = (ideaId: string, voteCount: number) => (ideas.value = ideas.value.map((i) => (i.id === ideaId ? { ...i, voteCount } : i)));
  return { ideas, cursor, status: task.status, error: task.error, load, setCount };
}
