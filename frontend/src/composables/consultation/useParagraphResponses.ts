import { computed } from 'vue';
import type { ConsultationResponse } from '#shared/schemas/consultation';
import { fetchResponses } from '../../api/consultation';
import { usePagedList } from '../usePagedList';

/**
 * The visible responses to one paragraph (all versions: a paragraph keeps its number), read a page
 * at a time, split into the invited round's (the follow-group's, shown under their own heading) and
 * the public round's.
 */
export function useParagraphResponses(processId: () => string, documentId: () => string, paragraphNo: () => number) {
  const list = usePagedList<ConsultationResponse>((cursor, signal) => fetchResponses(processId(), documentId(), paragraphNo(), cursor, signal), {
    key: (r) => r.id,
  });
  // A bare position is in the figures already; the list is for comments (and the place of one taken out of view).
  const shown = computed(() => list.items.value.filter((r) => r.comment !== undefined || r.state !== 'visible'));
  const invited = computed(() => shown.value.filter((r) => r.roundKind === 'invited'));
  const open = computed(() => shown.value.filter((r) => r.roundKind === 'public'));
  return { ...list, invited, public: open };
}
