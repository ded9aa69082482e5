import { ref, watch } from 'vue';

/**
 * Whether the reader wants an idea's full text or its "letlæst" summary, remembered for this tab's
 * session (sessionStorage): a reader who chose the full text on one idea gets it on the next too.
 */
const KEY = 'deltag.ideaTextView';

function read(): boolean {
  try {
    return sessionStorage.getItem(KEY) === 'full';
  } catch {
    return false;
  }
}

const full = ref(read());
watch(full, (value) => {
  try {
    sessionStorage.setItem(KEY, value ? 'full' : 'plain');
  } catch {
    // Storage can be switched off; the choice then lasts for this page only.
  }
}, { flush: 'sync' });

export const usePlainView = () => full;
/** For tests: read the stored choice again. */
export const resetPlainView = () => {
  full.value = read();
};
