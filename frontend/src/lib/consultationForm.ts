import type * as z from 'zod';
import { ApiError } from '../api/client';
import { processIssueMessage } from './processFields';

/**
 * The consultation forms' errors, by the field path the shared schema and the API use
 * (`rounds.0.title.da`), the first message per field: from the shared schema before anything is
 * sent, or from the API's problem body after (its paths start with `body.`).
 */
export type FieldErrors = Record<string, string>;

export function issuesByPath(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const found: FieldErrors = {};
  for (const issue of issues) found[issue.path.join('.')] ??= processIssueMessage(issue);
  return found;
}

/** The version check's own field: a conflict, not a field to fix. */
const isVersion = (path: string) => /(^|\.)expectedUpdatedAt$/.test(path);

export function apiErrorsByPath(error: unknown): FieldErrors {
  const found: FieldErrors = {};
  if (!(error instanceof ApiError)) return found;
  for (const e of error.problem.errors ?? []) if (!isVersion(e.path)) found[e.path.replace(/^body\./, '')] ??= e.message;
  return found;
}

/** Someone else saved since the form was loaded (409 on the version the form carried). */
export const isConflict = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 409 && (!error.problem.errors?.length || error.problem.errors.some((e) => isVersion(e.path)));

/** `rounds.0.title.da` → `cs-rounds-0-title-da`: an element id for a field. */
export const fieldId = (prefix: string, path: string) => `${prefix}-${path.replace(/\./g, '-')}`;

/** A text in Danish and optional English as a form holds it (empty strings) and as the API takes it. */
export interface TextPair {
  da: string;
  en: string;
}
export const pairOf = (text: { da: string; en?: string } | undefined): TextPair => ({ da: text?.da ?? '', en: text?.en ?? '' });
export const textOf = (pair: TextPair): { da: string; en?: string } => (pair.en.trim() ? { da: pair.da, en: pair.en } : { da: pair.da });
/** An optional text: left out when both languages are empty. */
export const optionalTextOf = (pair: TextPair) => (pair.da.trim() || pair.en.trim() ? textOf(pair) : undefined);

/** Moves an item of a list one place up (-1) or down (+1). */
export function move<T>(list: T[], i: number, by: -1 | 1): void {
  const j = i + by;
  if (j < 0 || j >= list.length) return;
  [list[i], list[j]] = [list[j]!, list[i]!];
}
