import { shallowRef, toValue, type MaybeRefOrGetter } from 'vue';
import type { MySignupStatus, SignupCreate } from '#shared/schemas/events';
import { cancelSignup, fetchMySignup, signUp } from '../../api/events';
import { useAsyncTask } from '../useAsyncTask';

/**
 * The signed-in reader's sign-up for one event and whether they may sign up now (the server's
 * verdict, from the shared rule), with signing up and cancelling. An invited event's token from the
 * link goes along with each, so the verdict can say `open` to the invited.
 */
export function useMySignup(processId: MaybeRefOrGetter<string>, eventId: MaybeRefOrGetter<string>, invitation: MaybeRefOrGetter<string | undefined>) {
  const mine = shallowRef<MySignupStatus | undefined>(undefined);
  const { status, error, run } = useAsyncTask();

  const load = () => run(async (signal) => void (mine.value = await fetchMySignup(toValue(processId), toValue(eventId), toValue(invitation), signal)));

  async function create(body: SignupCreate): Promise<MySignupStatus> {
    const answer = await signUp(toValue(processId), toValue(eventId), body);
    mine.value = answer;
    return answer;
  }

  /** After a cancel the status is read again: the verdict (may I sign up again?) is the server's to say. */
  async function cancel(): Promise<void> {
    await cancelSignup(toValue(processId), toValue(eventId));
    mine.value = { signup: null, verdict: mine.value?.verdict ?? 'open' };
    await load();
  }

  return { mine, status, error, load, create, cancel };
}
