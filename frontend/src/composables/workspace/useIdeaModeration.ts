import { inject, provide, ref, shallowRef, type InjectionKey, type Ref, type ShallowRef } from 'vue';
import type { IdeaModeration } from '#shared/schemas/moderation';
import { fetchModeratedIdea, moderateIdea, type ModeratedIdea } from '../../api/workspace';
import { actionText, tw } from '../../lib/workspaceI18n';
import { useAsyncTask } from '../useAsyncTask';
import { useSubmit } from '../useSubmit';

/** What the moderation page shares with its forms. */
interface IdeaModerationContext {
  idea: ShallowRef<ModeratedIdea | null>;
  /** What the last action saved, in words, for the page's status line. */
  saved: Ref<string>;
  busy: Ref<boolean>;
}

const contextKey: InjectionKey<IdeaModerationContext> = Symbol('idea-moderation');

/**
 * One idea in the moderator's view, for the page that shows it; its forms send their actions through
 * `useIdeaAction`. The forms share one sending state, so only one action runs at a time on the idea:
 * each answer is the idea's new state, and a second action sent meanwhile would start from a stale one.
 */
export function useIdeaModeration(ideaId: () => string) {
  const idea = shallowRef<ModeratedIdea | null>(null);
  const saved = ref('');
  const busy = ref(false);
  const task = useAsyncTask();
  const load = () =>
    task.run(async (signal) => {
      idea.value = await fetchModeratedIdea(ideaId(), signal);
    });
  provide(contextKey, { idea, saved, busy });
  return { idea, saved, busy, task, load };
}

/** What an action did: the idea as it is now, and what to tell the moderator. */
export interface ActionResult {
  idea: ModeratedIdea;
  saved: string;
}

/** For one form of the page: its own failure message, and `act` to send its action. */
export function useIdeaAction() {
  const context = inject(contextKey);
  if (!context) throw new Error('useIdeaAction needs a parent that called useIdeaModeration');
  const { idea, saved, busy } = context;
  const { failure, send } = useSubmit(busy);

  /**
   * Sends one action unless another is running; resolves true when it was saved. `change` gets the
   * idea as the page shows it and answers with the idea afterwards.
   */
  async function act(change: (current: ModeratedIdea) => Promise<ActionResult>): Promise<boolean> {
    const current = idea.value;
    if (busy.value || !current) return false;
    failure.value = '';
    saved.value = '';
    return send(async () => {
      const result = await change(current);
      idea.value = result.idea;
      saved.value = result.saved;
    });
  }

  /** A moderation decision on the idea itself (publish … set-status). */
  const decide = (command: IdeaModeration) =>
    act(async (current) => ({ idea: await moderateIdea(current.id, command), saved: tw('idea.saved', { action: actionText(command.action) }) }));

  return { busy, failure, act, decide };
}
