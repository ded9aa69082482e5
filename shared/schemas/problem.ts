import * as z from 'zod';
import { schema } from './define';

/** RFC 9457 problem details: the one error body every route returns (`application/problem+json`). */
export const problemSchema = /* @__PURE__ */ schema(() => z.object({
  type: z.string(),
  title: z.string(),
  status: z.int().min(400).max(599),
  detail: z.string().optional(),
  /** One entry per invalid field, with its path in the request (`body.title`, `query.limit`). */
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
}));
export type Problem = z.infer<typeof problemSchema>;

export const problemContentType = 'application/problem+json';
