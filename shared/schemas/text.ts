import * as z from 'zod';
import { da } from 'zod/locales';
import { ULID_PATTERN } from '../rules/values';
import { schema } from './define';
// `import * as z`, not `import { z }`: the named export carries every zod locale into the Lambda bundles (450 kB against 85 kB).

// Danish first: messages zod makes itself (for fields without their own message) are Danish too.
z.config(da());

/**
 * Text fields are plain text end to end: stored and returned exactly as typed (after trimming and
 * Unicode normalisation), never as HTML. Escaping is the renderer's job (Vue text bindings), so a
 * title like `<script>` comes back as those same characters.
 */

// C0/C1 control characters other than tab and newline have no meaning in a citizen's text and can
// confuse exports and terminals; carriage returns are folded into newlines.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

const clean = (value: string) => value.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();

/** One line of plain text (titles, names): inner line breaks become spaces. */
export const singleLine = (min: number, max: number) =>
  z
    .string({ error: textTypeError })
    .transform((v) => clean(v).replace(/\s+/g, ' '))
    .pipe(lengthBetween(min, max));

/** Multi-line plain text (idea body, concerns, comments). */
export const multiLine = (min: number, max: number) =>
  z
    .string({ error: textTypeError })
    .transform(clean)
    .pipe(lengthBetween(min, max));

function lengthBetween(min: number, max: number) {
  return z
    .string()
    .min(min, min === 1 ? 'Skal udfyldes' : `Skal være mindst ${min} tegn`)
    .max(max, `Må højst være ${max} tegn`);
}

function textTypeError(issue: { input?: unknown }) {
  return issue.input === undefined ? 'Skal udfyldes' : 'Skal være tekst';
}

/** Lower-case identifiers used in URLs and keys (process ids, area ids). */
export const slugSchema = /* @__PURE__ */ schema(() => z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Må kun indeholde små bogstaver a-z, tal og bindestreger'));

/** Server-made ids are ULIDs: sortable by creation time, 26 Crockford base-32 characters. */
export const ulidSchema = /* @__PURE__ */ schema(() => z.string().regex(ULID_PATTERN, 'Ugyldigt id'));

export const isoDateTime = /* @__PURE__ */ schema(() => z.iso.datetime({ offset: true }));

/** A name in both of the platform's languages; Danish is required, English falls back to Danish. */
export const localizedSchema = /* @__PURE__ */ schema(() => z.object({ da: z.string().min(1), en: z.string().min(1).optional() }));
export type Localized = z.infer<typeof localizedSchema>;
