import { describe, expect, it } from 'vitest';
import { documentCreateSchema } from '#shared/schemas/consultation';

describe('a document id', () => {
  it('may not be one the SPA uses for another page', () => {
    for (const id of ['opsaetning', 'runde']) {
      const result = documentCreateSchema.safeParse({ id, title: { da: 'Udkast' } });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['id']);
    }
  });

  it('is any other slug', () => {
    expect(documentCreateSchema.parse({ id: 'etiske-retningslinjer', title: { da: 'Udkast' } }).id).toBe('etiske-retningslinjer');
  });
});
