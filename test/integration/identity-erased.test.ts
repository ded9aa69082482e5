import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erasedAccounts } from '#functions/adapters/dynamodb/erased-accounts';
import { expectProblem, table } from '../helpers/participation';
import { validIdea } from '../fixtures/ideas';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Issue 17, identity: an access token outlives the account it belongs to by up to its lifetime (the
 * HTTP API's JWT authorizer cannot ask Cognito). DELETE /api/me leaves a tombstone that every write of
 * a signed-in caller checks, so the token can still read public pages but never write, and cannot
 * bring the erased profile back. Against DynamoDB Local and cognito-local through the local gateway.
 */

let stack: TestStack;

beforeAll(async () => {
  stack = await testStack();
}, 90_000);
afterAll(() => stack?.stop());

const P = '/processes/ai-i-gentofte';

describe("a deleted account's remaining token", () => {
  it('cannot write anything: not the profile, not an idea, not a vote; nothing is written', async () => {
    const other = await stack.user({ name: 'Anden borger' });
    const idea = (await stack.api(`${P}/ideas`, { method: 'POST', token: other.token, body: validIdea() })).json;
    const me = await stack.user({ name: 'Slettet borger' });
    expect((await stack.api('/me', { method: 'DELETE', token: me.token })).status).toBe(204);

    const patched = await stack.api('/me', { method: 'PATCH', token: me.token, body: { displayName: 'Genopstået', participantType: 'citizen' } });
    expectProblem(patched, 401);
    expect(patched.json.detail).toMatch(/slettet/);
    expectProblem(await stack.api(`${P}/ideas`, { method: 'POST', token: me.token, body: validIdea() }), 401);
    expectProblem(await stack.api(`/ideas/${idea.id}/vote`, { method: 'PUT', token: me.token }), 401);

    // Nothing came back: no profile (GET /me answers as for an account without one), no vote.
    expect((await stack.api(`/ideas/${idea.id}`)).json.voteCount).toBe(0);
    const profile = await stack.api('/me', { token: me.token });
    expect(profile.json?.displayName).not.toBe('Genopstået');
  });

  // A vote checks the tombstone inside its own transaction (no read before it): so a vote in the middle of
  // an erasure (tombstone written, profile not yet deleted) is refused too, with the voter's type cached
  // by the function (the transaction's profile check passes) or read afresh.
  it('cannot vote while its erasure runs: the tombstone is there and the profile still is', async () => {
    const other = await stack.user({ name: 'Idéstiller' });
    const post = async () => (await stack.api(`${P}/ideas`, { method: 'POST', token: other.token, body: validIdea() })).json.id as string;
    const [first, second] = [await post(), await post()];
    const fresh = await stack.user({ name: 'Aldrig stemt' });
    const cached = await stack.user({ name: 'Har stemt før' });
    expect((await stack.api(`/ideas/${first}/vote`, { method: 'PUT', token: cached.token })).status).toBe(200);
    const db = table(stack);
    for (const u of [fresh, cached]) await erasedAccounts(db.client, db.TableName).mark(u.userId, new Date());

    for (const u of [fresh, cached]) {
      const r = await stack.api(`/ideas/${second}/vote`, { method: 'PUT', token: u.token });
      expectProblem(r, 401);
      expect(r.json.detail).toMatch(/slettet/);
      // The profile is still there: it is the tombstone that refused.
      expect((await stack.api('/me', { token: u.token })).json.displayName).toBe(u === fresh ? 'Aldrig stemt' : 'Har stemt før');
    }
    expect((await stack.api(`/ideas/${second}`)).json.voteCount).toBe(0);
    expect((await db.votes(second)).length).toBe(0);
  });

  it('can still read public pages, and a retried deletion still succeeds', async () => {
    const me = await stack.user({ name: 'Læser efter sletning' });
    expect((await stack.api('/me', { method: 'DELETE', token: me.token })).status).toBe(204);
    expect((await stack.api(`${P}/ideas`, { token: me.token })).status).toBe(200);
    expect((await stack.api('/me', { method: 'DELETE', token: me.token })).status).toBe(204);
  });

  it('leaves everyone else writing as before', async () => {
    const gone = await stack.user({ name: 'Går' });
    const stays = await stack.user({ name: 'Bliver' });
    expect((await stack.api('/me', { method: 'DELETE', token: gone.token })).status).toBe(204);
    const r = await stack.api('/me', { method: 'PATCH', token: stays.token, body: { displayName: 'Bliver stadig', participantType: 'citizen' } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
  });
});
