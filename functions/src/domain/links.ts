/**
 * Links that leave the site: in a mail to an author and in the export's files. They are read in a mail
 * program or a spreadsheet, where a site-relative `/forloeb/…` leads nowhere, so each one is built on the
 * site's absolute address (adapters/ssm/site-url.ts says what it is) and refuses anything else: a
 * missing address is an error the caller logs, never a broken link sent without a word.
 */

/** `siteUrl` + `path`; `siteUrl` must be an absolute http(s) address (a trailing slash is dropped). */
export function siteLink(siteUrl: string, path: `/${string}`): string {
  if (!/^https?:\/\/[^/\s]+/i.test(siteUrl)) {
    throw new Error(`A link that leaves the site needs the site's absolute address, not ${JSON.stringify(siteUrl)}`);
  }
  return `${siteUrl.replace(/\/+$/, '')}${path}`;
}

/** The SPA's page of an idea, in its process (`/forloeb/{processId}/ideer/{ideaId}`). */
export const ideaLink = (siteUrl: string, idea: { id: string; processId: string }) =>
  siteLink(siteUrl, `/forloeb/${encodeURIComponent(idea.processId)}/ideer/${encodeURIComponent(idea.id)}`);

/** "Min side", where authors find their ideas in every state, with the reasons. */
export const myPageLink = (siteUrl: string) => siteLink(siteUrl, '/min-side');

/** The SPA's unsubscribe page for a mail's link (a button confirms: mail scanners open links, they do not press buttons). */
export const unsubscribePageLink = (siteUrl: string, token: string) => siteLink(siteUrl, `/afmeld?token=${encodeURIComponent(token)}`);

/** The API address of RFC 8058's one-click unsubscribe (List-Unsubscribe with List-Unsubscribe-Post: a mail program POSTs to it). */
export const unsubscribeApiLink = (siteUrl: string, token: string) => siteLink(siteUrl, `/api/unsubscribe?token=${encodeURIComponent(token)}`);
