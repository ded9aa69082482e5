import { computed, shallowRef } from 'vue';
import { useRoute } from 'vue-router';
import type { ConsultationResponse, DocumentView, Round } from '#shared/schemas/consultation';
import { ApiError } from '../../api/client';
import { fetchDocument, fetchMyRounds } from '../../api/consultation';
import { restoreSession, signedIn } from '../../modules/session';
import { useAsyncTask } from '../useAsyncTask';
import { useMyDocumentResponses } from './useMyDocumentResponses';

type Verdict = 'open' | 'not-open' | 'not-member' | 'process-closed';

/**
 * Everything the document page reads: the version asked for (`?version=`, else the latest), and for
 * a signed-in reader their standing in each round (myRounds) and their own responses to this
 * document. `view` is undefined while loading and null when there is no such document.
 */
export function useDocumentPage() {
  const route = useRoute();
  const processId = computed(() => String(route.params.processId ?? ''));
  const documentId = computed(() => String(route.params.documentId ?? ''));
  const askedVersion = computed(() => {
    const n = Number(route.query.version);
    return Number.isInteger(n) && n >= 1 ? n : undefined;
  });
  const view = shallowRef<DocumentView | null | undefined>(undefined);
  const verdicts = shallowRef(new Map<string, Verdict>());
  const my = useMyDocumentResponses();
  const { status, error, run } = useAsyncTask();

  const load = () =>
    run(async (signal) => {
      const reading = fetchDocument(processId.value, documentId.value, askedVersion.value, signal).catch((e: unknown) =>
        e instanceof ApiError && e.status === 404 ? null : Promise.reject(e),
      );
      await restoreSession();
      const [document] = await Promise.all([
        reading,
        signedIn.value
          ? fetchMyRounds(processId.value, signal).then((r) => (verdicts.value = new Map(r.rounds.map((x) => [x.roundId, x.verdict]))))
          : (verdicts.value = new Map()),
        signedIn.value ? my.load(processId.value, documentId.value, signal) : my.clear(),
      ]);
      view.value = document;
    });

  const latest = computed(() => (view.value ? Math.max(...view.value.versions.map((v) => v.version), view.value.version.version) : 0));
  const isLatest = computed(() => Boolean(view.value) && view.value!.version.version === latest.value);
  /** Rounds the reader may respond in now; only the latest version takes responses. */
  const respondIn = computed<Round[]>(() => (isLatest.value && view.value ? view.value.rounds.filter((r) => verdicts.value.get(r.id) === 'open') : []));
  /** Signed out while some round is open by its dates: the page offers to sign in. */
  const offerSignIn = computed(() => {
    if (signedIn.value || !isLatest.value || !view.value) return false;
    const now = Date.now();
    return view.value.rounds.some((r) => Date.parse(r.startsAt) <= now && now < Date.parse(r.endsAt));
  });
  /** Signed in but no round takes this reader's responses now: why, once for the page. */
  const notice = computed<'not-open' | 'not-member' | undefined>(() => {
    if (!signedIn.value || !isLatest.value || respondIn.value.length) return undefined;
    // The server weighs the dates before membership, so 'not-member' means an invited round is open now, for others.
    return [...verdicts.value.values()].includes('not-member') ? 'not-member' : 'not-open';
  });

  /** After one's own response changed: the figures again, quietly (the page stays as it is if that fails). */
  async function refreshFigures(): Promise<void> {
    const fresh = await fetchDocument(processId.value, documentId.value, askedVersion.value).catch(() => undefined);
    if (fresh && view.value && fresh.version.version === view.value.version.version) view.value = fresh;
  }
  const put = (r: ConsultationResponse) => (my.put(r), void refreshFigures());
  const remove = (r: ConsultationResponse) => (my.remove(r), void refreshFigures());

  return { processId, documentId, askedVersion, view, status, error, load, latest, isLatest, respondIn, offerSignIn, notice, mine: my.mine, put, remove };
}
