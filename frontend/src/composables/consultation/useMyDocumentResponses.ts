import { shallowRef } from 'vue';
import type { ConsultationResponse } from '#shared/schemas/consultation';
import { fetchMyResponses } from '../../api/consultation';

/** A person answers a paragraph once per round, so the pair names their response. */
export const responseKey = (roundId: string, paragraphNo: number) => `${roundId}:${paragraphNo}`;

/** Pages of "my responses" read to find the ones on one document; a person's own responses are few, this bounds a runaway. */
const MAX_PAGES = 20;

/**
 * The signed-in person's own responses to one document, by round and paragraph, so each paragraph
 * shows "din holdning: …" instead of the form. Read from Min side's list (myResponses), which
 * carries the author's own view of each response whatever its state.
 */
export function useMyDocumentResponses() {
  const mine = shallowRef(new Map<string, ConsultationResponse>());

  async function load(processId: string, documentId: string, signal?: AbortSignal): Promise<void> {
    const found = new Map<string, ConsultationResponse>();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const { items, nextCursor } = await fetchMyResponses(cursor, signal);
      for (const r of items) if (r.processId === processId && r.documentId === documentId && r.state !== 'deleted') found.set(responseKey(r.roundId, r.paragraphNo), r);
      if (!nextCursor) break;
      cursor = nextCursor;
    }
    mine.value = found;
  }

  function put(response: ConsultationResponse): void {
    mine.value = new Map(mine.value).set(responseKey(response.roundId, response.paragraphNo), response);
  }

  function remove(response: ConsultationResponse): void {
    const next = new Map(mine.value);
    next.delete(responseKey(response.roundId, response.paragraphNo));
    mine.value = next;
  }

  const clear = () => (mine.value = new Map());

  return { mine, load, put, remove, clear };
}
