import { ref } from 'vue';
import { errorMessage } from '../lib/errorMessage';

/**
 * The sending state and failure message of one form. `send` runs the request with `sending` set,
 * and on an error shows it (errorMessage) in `failure` and hands it to `onError`. It does not
 * clear `failure`: a form clears it itself before validating.
 */
export function useSubmit() {
  const sending = ref(false);
  const failure = ref('');

  async function send(task: () => Promise<unknown>, onError?: (error: unknown) => void): Promise<void> {
    sending.value = true;
    try {
      await task();
    } catch (error) {
      onError?.(error);
      failure.value = errorMessage(error);
    } finally {
      sending.value = false;
    }
  }

  return { sending, failure, send };
}
