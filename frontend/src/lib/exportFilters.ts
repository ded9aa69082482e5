import type { LocationQuery } from 'vue-router';
import type { PublicStatus } from '#shared/schemas/idea';
import type { ExportFilters } from '../api/workspace';
import { publicStatuses } from '#shared/rules/values';

/** The export's filters as form values and in the address (`?top=20&area=…&status=…`), shared by the export page and the annex. */
export interface FilterForm {
  top: string;
  area: string;
  status: string;
}

export const DEFAULT_TOP = 20;
const first = (v: LocationQuery[string] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export function formFromQuery(query: LocationQuery): FilterForm {
  return { top: first(query.top) || String(DEFAULT_TOP), area: first(query.area), status: first(query.status) };
}

/** A whole number 1–1000, or undefined. */
export function parseTop(value: string): number | undefined {
  const text = value.trim();
  if (!/^\d{1,4}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= 1000 ? n : undefined;
}

export function filtersOf(form: FilterForm): ExportFilters | undefined {
  const top = parseTop(form.top);
  if (top === undefined) return undefined;
  const area = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(form.area) ? form.area : undefined;
  const status = (publicStatuses as readonly string[]).includes(form.status) ? (form.status as PublicStatus) : undefined;
  return { top, ...(area ? { area } : {}), ...(status ? { status } : {}) };
}

export const queryOf = (filters: ExportFilters) => ({
  top: String(filters.top),
  ...(filters.area ? { area: filters.area } : {}),
  ...(filters.status ? { status: filters.status } : {}),
});
