import * as z from 'zod';
import { schema } from './define';

/**
 * Search matches are marked as text segments, never as HTML: the SPA renders each segment with text
 * interpolation, a hit inside <mark>, so a title holding "<script>" stays text.
 */
export const segmentSchema = /* @__PURE__ */ schema(() => z.object({ text: z.string(), hit: z.literal(true).optional() }));
export type Segment = z.infer<typeof segmentSchema>;

/** Where a search hit matched: its title, and a snippet of the text around the first match (or the excerpt). */
export const highlightSchema = /* @__PURE__ */ schema(() => z.object({ title: z.array(segmentSchema), snippet: z.array(segmentSchema) }));
export type Highlight = z.infer<typeof highlightSchema>;
