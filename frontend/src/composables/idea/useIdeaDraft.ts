import { reactive, watch } from 'vue';
import type { Beneficiary } from '#shared/schemas/idea';

/** The new-idea form as typed so far. */
export interface IdeaDraft {
  step: number;
  title: string;
  body: string;
  area: string;
  effects: string[];
  beneficiaries: Beneficiary[];
  concerns: string;
  /** The "letlæst" summary (optional; '' for none). */
  plainSummary: string;
  /** The event the idea came from (optional; '' for none). */
  eventId: string;
}

/** One draft per process: an idea begun in one process is not sent to another, whose areas differ. */
const keyOf = (processId: string) => `deltag.ideaDraft.${processId}`;
const empty = (): IdeaDraft => ({ step: 0, title: '', body: '', area: '', effects: [], beneficiaries: [], concerns: '', plainSummary: '', eventId: '' });

function read(key: string): IdeaDraft {
  try {
    const saved = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Partial<IdeaDraft> | null;
    if (!saved || typeof saved !== 'object') return empty();
    const base = empty();
    return {
      step: Number.isInteger(saved.step) ? Math.min(Math.max(saved.step!, 0), 3) : 0,
      title: typeof saved.title === 'string' ? saved.title : base.title,
      body: typeof saved.body === 'string' ? saved.body : base.body,
      area: typeof saved.area === 'string' ? saved.area : base.area,
      effects: Array.isArray(saved.effects) ? saved.effects.filter((e) => typeof e === 'string') : [],
      beneficiaries: Array.isArray(saved.beneficiaries) ? saved.beneficiaries.filter((e) => typeof e === 'string') : [],
      concerns: typeof saved.concerns === 'string' ? saved.concerns : '',
      plainSummary: typeof saved.plainSummary === 'string' ? saved.plainSummary : '',
      eventId: typeof saved.eventId === 'string' ? saved.eventId : '',
    };
  } catch {
    return empty();
  }
}

/**
 * The draft survives a reload: it is kept in sessionStorage (this tab only, gone when it closes)
 * on every change, and cleared when the idea is sent.
 */
export function useIdeaDraft(processId: string) {
  const key = keyOf(processId);
  const draft = reactive(read(key));
  watch(
    draft,
    (value) => {
      try {
        sessionStorage.setItem(key, JSON.stringify(value));
      } catch {
        // Storage full or off: the draft then lasts as long as the page.
      }
    },
    { deep: true },
  );
  function clear() {
    Object.assign(draft, empty());
    try {
      sessionStorage.removeItem(key);
    } catch {
      // ignore
    }
  }
  return { draft, clear };
}
