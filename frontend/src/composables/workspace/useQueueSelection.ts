import { computed, reactive } from 'vue';
import { BULK_MAX, bulkActionFits, reasonRequired, REASON_MAX, REASON_MIN, type BulkAction } from '#shared/rules/moderation';
import type { BulkModeration, QueueItem } from '#shared/schemas/moderation';
import type { WorkspaceKey } from '../../lib/workspaceI18n';

/**
 * The moderation queue's selection and its bulk decision, as plain logic (the list component only
 * renders it). The rules are the API's own (`shared/rules/moderation.ts`), so the moderator hears
 * about a missing reason before a round trip; the API checks them again whatever the SPA sent.
 */
export type BulkField = 'selection' | 'action' | 'reason';
type Target = Pick<QueueItem, 'kind' | 'id'>;

const keyOf = (item: Target) => `${item.kind}:${item.id}`;

export function useQueueSelection(items: () => readonly QueueItem[]) {
  const selected = reactive(new Set<string>());

  const isSelected = (item: Target) => selected.has(keyOf(item));
  function toggle(item: Target, on = !isSelected(item)) {
    if (on) selected.add(keyOf(item));
    else selected.delete(keyOf(item));
  }
  const selectedItems = computed(() => items().filter(isSelected));
  const allSelected = computed(() => items().length > 0 && items().every(isSelected));
  const someSelected = computed(() => selectedItems.value.length > 0 && !allSelected.value);
  function toggleAll(on = !allSelected.value) {
    for (const item of items()) toggle(item, on);
  }
  const clear = () => selected.clear();
  /** After the list is reloaded: forget what is no longer in it. */
  function prune() {
    const present = new Set(items().map(keyOf));
    for (const key of [...selected]) if (!present.has(key)) selected.delete(key);
  }

  /** What is wrong with the decision as a message key per field; empty when it can be sent. */
  function validate(action: BulkAction, reason: string): Partial<Record<BulkField, WorkspaceKey>> {
    const errors: Partial<Record<BulkField, WorkspaceKey>> = {};
    const text = reason.trim();
    if (selectedItems.value.length === 0) errors.selection = 'queue.noneSelected';
    if (selectedItems.value.some((i) => !bulkActionFits(action, i.kind))) {
      errors.action = 'queue.commentsOnlyHideRestore';
    }
    if (reasonRequired(action) && text.length < REASON_MIN) errors.reason = 'queue.reasonRequired';
    else if (text.length > 0 && (text.length < REASON_MIN || text.length > REASON_MAX)) errors.reason = 'errors.invalidReason';
    return errors;
  }

  /** The bulk requests for the selection, at most BULK_MAX targets each, in the list's order. */
  function requests(action: BulkAction, reason: string): BulkModeration[] {
    const targets = selectedItems.value.map((i) => ({ kind: i.kind, id: i.id }));
    const text = reason.trim();
    const batches: BulkModeration[] = [];
    for (let i = 0; i < targets.length; i += BULK_MAX) {
      batches.push({ targets: targets.slice(i, i + BULK_MAX), action, ...(text ? { reason: text } : {}) });
    }
    return batches;
  }

  return { selected, isSelected, toggle, selectedItems, allSelected, someSelected, toggleAll, clear, prune, validate, requests };
}
