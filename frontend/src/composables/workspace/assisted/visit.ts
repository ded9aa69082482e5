import { ref, watch } from 'vue';
import { isAssistedChannel, type AssistedChannel } from '#shared/rules/assisted';
import type { Receipt } from '#shared/schemas/assisted';

/**
 * What the assistant's visit keeps in sessionStorage (this tab only, gone when it closes): the
 * channel chosen once for the visit, so each act does not ask again, and the last receipt, so a
 * reload of the receipt page (or a printer dialog that reloads) still shows it.
 */
const CHANNEL_KEY = 'deltag.assisted.channel';
const RECEIPT_KEY = 'deltag.assisted.receipt';

const storage = (): Storage | undefined => {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
};

const stored = storage()?.getItem(CHANNEL_KEY) ?? '';
const channel = ref<AssistedChannel>(isAssistedChannel(stored) ? stored : 'assisted-in-person');
watch(channel, (c) => storage()?.setItem(CHANNEL_KEY, c));

/** The visit's channel, shared by every assisted page of the tab. */
export const useVisitChannel = () => channel;

export function keepReceipt(receipt: Receipt): void {
  storage()?.setItem(RECEIPT_KEY, JSON.stringify(receipt));
}

/** The last receipt kept in this tab, if any (a damaged entry counts as none). */
export function keptReceipt(): Receipt | undefined {
  const raw = storage()?.getItem(RECEIPT_KEY);
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Receipt;
    return typeof value?.claimCode === 'string' && Array.isArray(value.items) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** For tests: a new visit (the channel back to the desk, nothing kept). */
export function resetVisit(): void {
  channel.value = 'assisted-in-person';
  storage()?.removeItem(CHANNEL_KEY);
  storage()?.removeItem(RECEIPT_KEY);
}
