import * as z from 'zod';

/**
 * zod compiles fast parsers with `new Function` when it may; the site's CSP forbids eval, and
 * zod's probe for it logs a CSP violation. Pages that validate with the shared schemas import this
 * module first, so zod never probes.
 */
z.config({ jitless: true });
