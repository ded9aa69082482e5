import { describe, expect, it } from 'vitest';
import { routeKey } from '#shared/api/route-meta';
import { operations, routeList } from '#shared/api/routes';
import { matchPath } from '#functions/lib/match-path';
import { buildOpenApi } from '#shared/api/openapi';
import { authorize, parseGroups } from '#functions/lib/auth';
import { HttpError } from '#functions/lib/errors';
import { decodeCursor, encodeCursor } from '#functions/adapters/dynamodb/cursor';
import { keys } from '#functions/adapters/dynamodb/keys';
import { listIndexName, mainTable } from '#functions/adapters/dynamodb/tables';

describe('route table', () => {
  it('has unique route keys and only known areas', () => {
    const keysSeen = routeList.map(routeKey);
    expect(new Set(keysSeen).size).toBe(keysSeen.length);
  });

  it('matches path templates and decodes parameters', () => {
    expect(matchPath('/api/ideas/{ideaId}', '/api/ideas/01ABC')).toEqual({ ideaId: '01ABC' });
    expect(matchPath('/api/processes/{processId}/ideas', '/api/processes/a%20b/ideas')).toEqual({ processId: 'a b' });
    expect(matchPath('/api/ideas/{ideaId}', '/api/ideas/x/y')).toBeUndefined();
    expect(matchPath('/api/ideas/{ideaId}', '/api/ideas/')).toBeUndefined();
    expect(matchPath('/api/ideas/{ideaId}', '/api/ideas/%E0%A4%A')).toBeUndefined();
    expect(matchPath('/api/{proxy+}', '/api/a/b/c')).toEqual({ proxy: 'a/b/c' });
  });

  it('documents every operation in OpenAPI, and not the catch-all', () => {
    const doc = buildOpenApi() as { paths: Record<string, Record<string, { operationId: string }>> };
    const documented = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(documented.sort()).toEqual(operations.map((o) => o.id).sort());
    expect(doc.paths['/api/{proxy+}']).toBeUndefined();
  });
});

describe('auth helpers', () => {
  it('reads groups in the HTTP API flattened form and as an array, dropping unknown groups', () => {
    expect(parseGroups('[moderator admin]')).toEqual(['moderator', 'admin']);
    expect(parseGroups(['committee', 'root'])).toEqual(['committee']);
    expect(parseGroups(undefined)).toEqual([]);
  });

  it('authorizes by access rule', () => {
    const citizen = { userId: 'u', roles: [] };
    const moderator = { userId: 'm', roles: ['moderator' as const] };
    expect(() => authorize('public', undefined)).not.toThrow();
    expect(() => authorize('user', undefined)).toThrow(expect.objectContaining({ status: 401 }));
    expect(() => authorize('user', citizen)).not.toThrow();
    expect(() => authorize({ roles: ['moderator'] }, citizen)).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => authorize({ roles: ['moderator'] }, moderator)).not.toThrow();
  });
});

describe('keys and indexes', () => {
  it('builds the documented key strings', () => {
    expect(keys.idea('01X')).toEqual({ pk: 'IDEA#01X', sk: 'IDEA' });
    expect(keys.process('ai')).toEqual({ pk: 'PROCESSES', sk: 'PROC#ai' });
    expect(keys.areaList('ai', 'erhverv')).toBe('PROC#ai#AREA#erhverv');
  });

  it('has an index for every list scope and sort', () => {
    const names = mainTable.indexes.map((i) => i.name);
    for (const scope of ['list', 'area'] as const) {
      for (const sort of ['new', 'top', 'trending', 'comments'] as const) expect(names).toContain(listIndexName(scope, sort));
    }
    expect(names.length).toBeLessThanOrEqual(20);
  });
});

describe('cursors', () => {
  const key = { pk: 'IDEA#1', sk: 'IDEA', gsiList: 'PROC#ai', createdAt: '2026-01-01' };
  const allowed = Object.keys(key);
  it('takes a string where the index keys a number as a 400, and a number there as it is', () => {
    const top = { pk: 'IDEA#1', sk: 'IDEA', gsiList: 'PROC#ai', voteCount: 3 };
    expect(decodeCursor(encodeCursor('listTop', top), 'listTop', { gsiList: 'PROC#ai' }, Object.keys(top))).toEqual(top);
    expect(() => decodeCursor(encodeCursor('listTop', { ...top, voteCount: '3' }), 'listTop', { gsiList: 'PROC#ai' }, Object.keys(top))).toThrow(HttpError);
  });
  it('round-trips for the same index and partition', () => {
    expect(decodeCursor(encodeCursor('listNew', key), 'listNew', { gsiList: 'PROC#ai' }, allowed)).toEqual(key);
  });
  it.each([
    ['another index', encodeCursor('listTop', key), { gsiList: 'PROC#ai' }],
    ['another partition', encodeCursor('listNew', key), { gsiList: 'PROC#other' }],
    ['not base64 JSON', '%%%', { gsiList: 'PROC#ai' }],
    ['extra key attribute', encodeCursor('listNew', { ...key, status: 'x' }), { gsiList: 'PROC#ai' }],
    ['a number where the index keys a string', encodeCursor('listNew', { ...key, createdAt: 5 }), { gsiList: 'PROC#ai' }],
    ['an empty key value', encodeCursor('listNew', { ...key, sk: '' }), { gsiList: 'PROC#ai' }],
    ['a sort key outside the prefix the query reads', encodeCursor('listNew', key), { gsiList: 'PROC#ai', sk: { prefix: 'COMMENT#' } }],
  ])('refuses %s with a 400', (_n, cursor, expected) => {
    expect(() => decodeCursor(cursor, 'listNew', expected, allowed)).toThrow(HttpError);
  });
});
