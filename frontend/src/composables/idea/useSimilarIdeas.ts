import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue';
import type { SimilarIdea } from '#shared/schemas/search';
import { fetchSimilar } from '../../api/search';

/** How long typing must pause before the wizard asks: no request per keystroke. */
export const SIMILAR_DEBOUNCE_MS = 400;
const TITLE_MIN = 5;
const TEXT_MAX = 400;

/**
 * The body's first sentence, once it is written: up to its full stop, question or exclamation mark
 * (followed by a space or the end) or its line break. A long first sentence without any counts from
 * 120 characters. Empty while the first sentence is still being typed, so the wizard waits for it.
 */
export function firstSentence(body: string): string {
  const text = body.trim();
  const end = /[.!?](\s|$)|\n/.exec(text);
  if (end) return text.slice(0, end.index + 1).trim();
  return text.length >= 120 ? text : '';
}

/** What the wizard asks with: the title and the first sentence, or '' while either is missing. */
export function similarText(title: string, body: string): string {
  const head = title.trim();
  const sentence = firstSentence(body);
  if (head.length < TITLE_MIN || !sentence) return '';
  return `${head} ${sentence}`.replace(/\s+/g, ' ').slice(0, TEXT_MAX).trim();
}

/**
 * Similar public ideas while an idea is written (issue 18). Asks once the title and the body's first
 * sentence are written and typing has paused; a newer text cancels the request in flight, and a late
 * answer to an older text is dropped. A failure is silent: suggestions help, they never block writing
 * or sending. `shown` keeps the ids of the last suggestions shown (sent as `similarShown` with the
 * idea) even after the author chose to continue, which hides them.
 */
export function useSimilarIdeas(processId: () => string | undefined, title: () => string, body: () => string) {
  const items = shallowRef<SimilarIdea[]>([]);
  const shown = ref<string[]>([]);
  const dismissed = ref(false);
  const text = computed(() => similarText(title(), body()));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: AbortController | undefined;

  async function ask(query: string, id: string) {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    try {
      const answer = await fetchSimilar(id, query, controller.signal);
      if (current !== controller) return;
      items.value = answer.items;
      if (answer.items.length) shown.value = answer.items.map((i) => i.id);
    } catch {
      // No suggestions this time (offline, rate limited, an error): writing goes on undisturbed.
      if (current === controller) items.value = [];
    }
  }

  watch(
    text,
    (query) => {
      clearTimeout(timer);
      current?.abort();
      const id = processId();
      if (!query || !id) {
        items.value = [];
        return;
      }
      timer = setTimeout(() => void ask(query, id), SIMILAR_DEBOUNCE_MS);
    },
    { immediate: true },
  );
  onScopeDispose(() => {
    clearTimeout(timer);
    current?.abort();
  });

  /** "Min idé er en anden": the suggestions go away (and stay away), and their ids are kept for the idea. */
  const dismiss = () => (dismissed.value = true);
  const visible = computed(() => (dismissed.value ? [] : items.value));
  return { items: visible, shown, dismissed, dismiss };
}
