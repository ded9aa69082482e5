import { describe, expect, it } from 'vitest';
import { SITE_URL_ENV, SITE_URL_PARAMETER_ENV, SiteUrlUnavailableError, siteUrlFrom } from '#functions/adapters/ssm/site-url';
import { ideaLink, myPageLink, siteLink } from '#functions/domain/links';
import { moderateIdea } from '#functions/domain/moderation';
import { ideaMail } from '#functions/domain/notifications';
import { anIdea, fakeWorld } from '../fakes';

/**
 * Links that leave the site (mails, export files) are absolute on the site's address, and the address
 * comes from SITE_URL or, in AWS, an SSM parameter read once. Each test: prepare, act, assess.
 */

const SITE = 'https://deltag.gentofte.dk';

describe('links that leave the site', () => {
  it('start with the absolute address, with or without its trailing slash', () => {
    expect(ideaLink(SITE, { id: '01JD0000000000000000000000', processId: 'ai-i-gentofte' })).toBe('https://deltag.gentofte.dk/forloeb/ai-i-gentofte/ideer/01JD0000000000000000000000');
    expect(ideaLink(`${SITE}/`, { id: 'X', processId: 'p' })).toBe('https://deltag.gentofte.dk/forloeb/p/ideer/X');
    expect(myPageLink('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000/min-side');
    expect(siteLink(SITE, '/om')).toBe('https://deltag.gentofte.dk/om');
  });

  it('refuse a missing or relative address instead of writing a link that leads nowhere', () => {
    for (const bad of ['', '/', 'deltag.gentofte.dk', 'ftp://deltag.gentofte.dk', 'https://']) {
      expect(() => ideaLink(bad, { id: 'X', processId: 'p' }), bad).toThrow(/absolute address/);
    }
  });

  it('make the author mail link to the idea while it is public, else to "Min side"', () => {
    const idea = anIdea('01JD0000000000000000000001');

    const published = ideaMail(idea, { action: 'publish' }, SITE)!;
    const hidden = ideaMail(idea, { action: 'hide', reason: 'Personoplysninger i teksten.' }, SITE)!;

    expect(published.text).toContain(`Se din idé: ${SITE}/forloeb/${idea.processId}/ideer/${idea.id}\n`);
    expect(hidden.text).toContain(`Se din idé: ${SITE}/min-side\n`);
    expect(hidden.text).not.toContain('/ideer/');
  });
});

describe('the site address', () => {
  const neverRead = async () => {
    throw new Error('SSM must not be read');
  };

  it('is SITE_URL when set (the local stack), normalised, without asking SSM', async () => {
    const site = siteUrlFrom({ [SITE_URL_ENV]: 'http://127.0.0.1:41234/', [SITE_URL_PARAMETER_ENV]: '/deltag/site-url' }, neverRead);

    await expect(site()).resolves.toBe('http://127.0.0.1:41234');
  });

  it('reads the SSM parameter once and keeps it', async () => {
    const reads: string[] = [];
    const site = siteUrlFrom({ [SITE_URL_PARAMETER_ENV]: '/deltag/site-url' }, async (name) => (reads.push(name), 'https://d111111abcdef8.cloudfront.net'));

    const first = await site();
    const second = await site();

    expect([first, second]).toEqual(['https://d111111abcdef8.cloudfront.net', 'https://d111111abcdef8.cloudfront.net']);
    expect(reads).toEqual(['/deltag/site-url']);
  });

  it('answers 503 when SSM fails, and tries again on the next call', async () => {
    let calls = 0;
    const site = siteUrlFrom({ [SITE_URL_PARAMETER_ENV]: '/deltag/site-url' }, async () => {
      calls++;
      if (calls === 1) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
      return SITE;
    });

    const failed = await site().catch((error: unknown) => error);
    const retried = await site();

    expect(failed).toBeInstanceOf(SiteUrlUnavailableError);
    expect(failed).toMatchObject({ status: 503, message: expect.stringContaining('/deltag/site-url') });
    expect((failed as SiteUrlUnavailableError).toProblem().detail).not.toContain('deltag/site-url');
    expect(retried).toBe(SITE);
  });

  it('answers 503 for a value that is not an absolute http(s) address, naming where it came from', async () => {
    await expect(siteUrlFrom({ [SITE_URL_PARAMETER_ENV]: '/deltag/site-url' }, async () => undefined)()).rejects.toMatchObject({
      status: 503,
      message: expect.stringContaining('the SSM parameter /deltag/site-url is null'),
    });
    await expect(siteUrlFrom({ [SITE_URL_ENV]: '/relative' }, neverRead)()).rejects.toBeInstanceOf(SiteUrlUnavailableError);
  });

  it('is a plain error (a logged 500) when the deployment sets neither variable', async () => {
    const failed = await siteUrlFrom({}, neverRead)().catch((error: unknown) => error);

    expect(failed).toBeInstanceOf(Error);
    expect(failed).not.toBeInstanceOf(SiteUrlUnavailableError);
    expect((failed as Error).message).toMatch(/Neither SITE_URL nor SITE_URL_PARAMETER/);
  });
});

describe('a decision when the site address cannot be read', () => {
  it('stands; the mail is not sent with a broken link but logged as failed', async () => {
    const w = fakeWorld();
    const moderator = w.given.user('mod', ['moderator']);
    w.given.user('author');
    const idea = w.given.idea({ status: 'pending' });
    const deps = { ...w.deps, siteUrl: () => Promise.reject(new SiteUrlUnavailableError('SSM is down')) };

    await moderateIdea(deps, moderator, idea.id, { action: 'publish' });

    expect(w.tables.ideas.get(idea.id)!.status).toBe('published');
    expect(w.deps.notifier.sent).toEqual([]);
    expect(w.deps.log.errors).toEqual([
      expect.objectContaining({ message: 'author notification failed', fields: expect.objectContaining({ ideaId: idea.id, error: expect.stringContaining('SSM is down') }) }),
    ]);
  });
});
