import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, getJson, prefetchJson } from '../../frontend/src/api/client';

function stubFetch(response: Response) {
  const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => response);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('getJson', () => {
  it('asks under /api, leaves out empty query values and returns the JSON body', async () => {
    const fetchMock = stubFetch(new Response('{"items":[]}', { headers: { 'content-type': 'application/json' } }));

    const body = await getJson<{ items: unknown[] }>('/processes/ai-i-gentofte/ideas', {
      query: { sort: 'new', limit: 20, area: undefined, cursor: '', status: null },
    });

    expect(body).toEqual({ items: [] });
    expect(fetchMock).toHaveBeenCalledOnce();
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/processes/ai-i-gentofte/ideas?sort=new&limit=20');
  });

  it('turns a problem+json answer into an ApiError with its title, detail and status', async () => {
    stubFetch(
      new Response(JSON.stringify({ type: '/problems/validation', title: 'Ugyldig forespørgsel', status: 400, detail: 'limit skal være højst 50', errors: [{ path: 'query.limit', message: 'For stor' }] }), {
        status: 400,
        headers: { 'content-type': 'application/problem+json' },
      }),
    );

    const error = await getJson('/processes').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.message).toBe('Ugyldig forespørgsel: limit skal være højst 50');
    expect(apiError.problem).toEqual({
      type: '/problems/validation',
      title: 'Ugyldig forespørgsel',
      status: 400,
      detail: 'limit skal være højst 50',
      errors: [{ path: 'query.limit', message: 'For stor' }],
    });
  });

  it('makes an about:blank problem of an error that is not problem+json', async () => {
    stubFetch(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } }));

    const error = await getJson('/processes').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502 });
  });

  it('lets a network failure through as it is', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));

    await expect(getJson('/processes')).rejects.toThrow(TypeError);
  });
});

describe('prefetchJson', () => {
  it('starts a GET that the first getJson for the same path and query takes, body read, and only once', async () => {
    const fetchMock = vi.fn(async () => new Response('{"n":1}', { headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);

    const settled = prefetchJson('/processes/p/ideas', { sort: 'new', limit: 20 });
    await expect(settled).resolves.toBeUndefined();
    expect(fetchMock).toHaveBeenCalledOnce();

    expect(await getJson('/processes/p/ideas', { query: { sort: 'new', limit: 20 } })).toEqual({ n: 1 });
    expect(fetchMock).toHaveBeenCalledOnce();
    // Taken: the next call asks again.
    await getJson('/processes/p/ideas', { query: { sort: 'new', limit: 20 } });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('settles without rejecting when the request fails, and hands the failure to the page that takes it', async () => {
    stubFetch(new Response(JSON.stringify({ type: '/problems/not-found', title: 'Ikke fundet', status: 404 }), { status: 404, headers: { 'content-type': 'application/problem+json' } }));

    await expect(prefetchJson('/ideas/x')).resolves.toBeUndefined();

    const error = await getJson('/ideas/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
  });
});
