import type { Ref, ShallowRef } from 'vue';
import { errorMessage } from '../lib/errorMessage';

/** What a form's saved thing and its state look like to the conflict choices. */
export interface ConflictState<T> {
  /** The version the form was loaded from (the one whose `updatedAt` the save sends). */
  current: Ref<T | undefined> | ShallowRef<T | undefined>;
  latest: ShallowRef<T | undefined>;
  sending: Ref<boolean>;
  conflict: Ref<boolean>;
  failure: Ref<string>;
  done: Ref<string>;
}

/**
 * The three choices after a save met someone else's change (409): see the latest version, keep
 * one's own input over it (saved against the latest), or take the latest into the form. One owner
 * for the workspace forms that offer them (the event and the recommendation forms).
 */
export function useConflictChoices<T extends { id: string }>(
  state: ConflictState<T>,
  io: { fetchLatest: (processId: string, id: string) => Promise<T | undefined>; send: (processId: string) => Promise<unknown>; take: (latest: T) => void; tookMessage: () => string },
) {
  async function seeLatest(processId: string) {
    if (state.sending.value || !state.current.value) return;
    state.sending.value = true;
    try {
      state.latest.value = await io.fetchLatest(processId, state.current.value.id);
    } catch (error) {
      state.failure.value = errorMessage(error);
    } finally {
      state.sending.value = false;
    }
  }

  /** Keeps the input and saves it over the latest version the user has seen. */
  async function keepMine(processId: string) {
    if (!state.latest.value) return;
    state.current.value = state.latest.value;
    state.latest.value = undefined;
    state.conflict.value = false;
    await io.send(processId);
  }

  function takeLatest() {
    if (!state.latest.value) return;
    io.take(state.latest.value);
    state.done.value = io.tookMessage();
  }

  return { seeLatest, keepMine, takeLatest };
}
