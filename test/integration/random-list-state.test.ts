import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ideaListSchema } from '#shared/schemas/idea';
import { ideaMaker, P, table } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Issue 17: the random list reads ids from the "new" index, which in AWS is eventually consistent. An
 * idea hidden or held a moment ago can still be in that index; the list must decide on the item's
 * own current state. DynamoDB Local updates its indexes at once, so the lag is made by hand: the
 * idea's state changes while it keeps its list attribute, exactly what a lagging index shows.
 */
let stack: TestStack;
let db: ReturnType<typeof table>;
let newIdea: ReturnType<typeof ideaMaker>;

beforeAll(async () => {
  stack = await testStack();
  db = table(stack);
  newIdea = ideaMaker(stack);
}, 90_000);
afterAll(() => stack?.stop());

async function randomIds(extra = '') {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const r = await stack.api(`${P}/ideas?sort=random&seed=lag&limit=50${extra}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const page = ideaListSchema.parse(r.json);
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/** Changes the stored idea but leaves it in the list index, as an index that has not caught up yet. */
const changeButStillIndexed = (id: string, change: { status?: string; held?: true }) =>
  db.client.send(
    new UpdateCommand({
      TableName: db.TableName,
      Key: { pk: `IDEA#${id}`, sk: 'IDEA' },
      UpdateExpression: change.status ? 'SET #status = :v' : 'SET held = :v',
      ...(change.status ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
      ExpressionAttributeValues: { ':v': change.status ?? change.held },
    }),
  );

describe('the random list while the list index lags', () => {
  it('leaves out an idea that was hidden a moment ago, in the process list and the area list', async () => {
    const { id } = await newIdea({ title: 'Idé der lige er skjult', area: 'erhverv' });
    expect(await randomIds()).toContain(id);
    await changeButStillIndexed(id, { status: 'hidden' });
    expect((await db.idea(id))!.gsiList).toBeDefined();
    expect(await randomIds()).not.toContain(id);
    expect(await randomIds('&area=erhverv')).not.toContain(id);
  });

  it('leaves out an idea that was held after flags a moment ago', async () => {
    const { id } = await newIdea({ title: 'Idé der lige er tilbageholdt', area: 'erhverv' });
    expect(await randomIds()).toContain(id);
    await changeButStillIndexed(id, { held: true });
    expect(await randomIds()).not.toContain(id);
    expect(await randomIds('&area=erhverv')).not.toContain(id);
  });

  it('still lists the public ideas around them, each once', async () => {
    const { id } = await newIdea({ title: 'Idé der bliver på listen' });
    const ids = await randomIds();
    expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
