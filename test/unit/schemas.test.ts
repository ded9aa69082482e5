import { describe, expect, it } from 'vitest';
import { processCloneSchema } from '#shared/schemas/process';
import { ideaCreateSchema, ideaListQuerySchema } from '#shared/schemas/idea';
import { profileUpdateSchema } from '#shared/schemas/user';
import { multiLine, singleLine } from '#shared/schemas/text';
import { validIdea } from '../fixtures/ideas';

describe('plain text fields', () => {
  it('trims, folds line breaks in single lines and keeps HTML as typed', () => {
    expect(singleLine(1, 50).parse('  <b>Hej</b>\n  verden \t ')).toBe('<b>Hej</b> verden');
  });

  it('keeps paragraphs in multi-line text, normalises CRLF and drops control characters', () => {
    expect(multiLine(1, 50).parse('Første\r\n\r\nAnden\u0000\u0007 linje ')).toBe('Første\n\nAnden linje');
  });

  it('counts length after cleaning, so padding cannot pass a minimum', () => {
    expect(singleLine(5, 10).safeParse('  ab  ').success).toBe(false);
  });

  it('normalises Unicode to NFC (æ, ø, å typed as combining characters)', () => {
    expect(singleLine(1, 10).parse('a\u030Ar')).toBe('år');
  });
});

describe('idea create schema', () => {
  it('accepts a valid idea', () => {
    expect(ideaCreateSchema.parse(validIdea()).title).toBe(validIdea().title);
  });

  it('enforces the limits of the issue: title 5-140, body 20-5000, concerns ≤ 2000', () => {
    const ok = (o: object) => ideaCreateSchema.safeParse(validIdea(o)).success;
    expect([ok({ title: 'x'.repeat(5) }), ok({ title: 'x'.repeat(140) }), ok({ title: 'x'.repeat(4) }), ok({ title: 'x'.repeat(141) })]).toEqual([true, true, false, false]);
    expect([ok({ body: 'x'.repeat(20) }), ok({ body: 'x'.repeat(5000) }), ok({ body: 'x'.repeat(19) }), ok({ body: 'x'.repeat(5001) })]).toEqual([true, true, false, false]);
    expect([ok({ concerns: 'x'.repeat(2000) }), ok({ concerns: 'x'.repeat(2001) }), ok({ concerns: undefined })]).toEqual([true, false, true]);
  });

  it('refuses unknown keys (server-set fields cannot be sent)', () => {
    expect(ideaCreateSchema.safeParse({ ...validIdea(), voteCount: 99 }).success).toBe(false);
  });

  it('refuses duplicate and empty effect and beneficiary lists', () => {
    expect(ideaCreateSchema.safeParse(validIdea({ effects: [] })).success).toBe(false);
    expect(ideaCreateSchema.safeParse(validIdea({ beneficiaries: ['citizens', 'citizens'] })).success).toBe(false);
  });
});

describe('list query schema', () => {
  it('defaults sort and limit and coerces the limit', () => {
    expect(ideaListQuerySchema.parse({ limit: '5' })).toEqual({ sort: 'new', limit: 5 });
  });
  it('only lets public statuses be filtered on', () => {
    expect(ideaListQuerySchema.safeParse({ status: 'hidden' }).success).toBe(false);
    expect(ideaListQuerySchema.safeParse({ status: 'selected' }).success).toBe(true);
  });
});

describe('profile update schema', () => {
  it('allows an organisation only for businesses', () => {
    expect(profileUpdateSchema.safeParse({ displayName: 'Firma', participantType: 'business', organisation: 'Eksempel ApS' }).success).toBe(true);
    expect(profileUpdateSchema.safeParse({ displayName: 'Borger', participantType: 'citizen', organisation: 'Eksempel ApS' }).success).toBe(false);
  });
});

describe('a new process id', () => {
  it('may not be a word a workspace page uses for itself', () => {
    expect(processCloneSchema.safeParse({ id: 'nyt', title: { da: 'Kopi' }, startsAt: '2027-01-01T00:00:00Z' }).error?.issues[0]).toMatchObject({ path: ['id'], message: expect.stringContaining('Vælg en anden') });
    expect(processCloneSchema.safeParse({ id: 'nyt-forloeb', title: { da: 'Kopi' }, startsAt: '2027-01-01T00:00:00Z' }).success).toBe(true);
  });
});
