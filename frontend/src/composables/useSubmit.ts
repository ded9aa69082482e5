import { ref, type Ref } from 'vue';
import { errorMessage } from '../lib/errorMessage';

/**
 * The sending state and failure message of one form. `send` runs the request with `sending` set,
 * and on an error hands it to `onError` and shows it in `failure`: in the words `onError` returns,
 * or else errorMessage's. It resolves true when the request went through. It does not clear
 * `failure`: a form clears it itself before validating.
 *
 * Forms that must not send at the same time (several actions on one idea) pass one shared
 * `sending` ref; each keeps its own `failure`.
 */
export function useSubmit(sending: Ref<boolean> = ref(false)) {
  const failure = ref('');

  async function send(task: () => Promise<unknown>, onError?: (error: unknown) => string | void): Promise<boolean> {
    sending.value = true;
    try {
      await task();
      return true;
    } catch (error) {
      failure.value = onError?.(error) || errorMessage(error);
      return false;
    } finally {
      sending.value = false;
    }
  }

  return { sending, failure, send };
}
