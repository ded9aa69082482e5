import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { keys } from '#functions/adapters/dynamodb/keys';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { auditLogSchema } from '#shared/schemas/moderation';
import { processSchema } from '#shared/schemas/process';
import { surveySchema } from '#shared/schemas/survey';
import { aDefinition } from '../fixtures/process-definitions';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Cloning a process with its survey (the two-year revisit) through the local gateway, against DynamoDB
 * Local: the process, its copied survey and both audit entries are one transaction, so a clone either
 * has its survey or does not exist, and a refused clone writes nothing.
 */

type User = Awaited<ReturnType<TestStack['user']>>;
let stack: TestStack;
let admin: User;

beforeAll(async () => {
  stack = await testStack();
  admin = await stack.user({ role: 'admin', name: 'Ada Admin' });
}, 120_000);
afterAll(() => stack?.stop());

const SOURCE = 'ai-i-gentofte'; // seeded with its survey
const startsAt = new Date(Date.now() + 730 * 86_400_000).toISOString();
const clone = (id: string) => stack.api(`/processes/${SOURCE}/clone`, { method: 'POST', token: admin.token, body: { id, title: { da: `Runde ${id}` }, startsAt } });
const surveyOf = (id: string) => stack.api(`/processes/${id}/survey`);

describe('clone with survey', () => {
  it('writes the process with clonedFrom, the survey copy and both audit entries', async () => {
    const source = surveySchema.parse((await surveyOf(SOURCE)).json);
    const r = await clone('runde-2');
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(processSchema.parse(r.json).clonedFrom).toBe(SOURCE);
    // The public process view carries the link, so the results page can find the earlier round.
    expect(processSchema.parse((await stack.api('/processes/runde-2')).json).clonedFrom).toBe(SOURCE);

    const copy = surveySchema.parse((await surveyOf('runde-2')).json);
    expect(copy.sections).toEqual(source.sections);
    expect(copy).toMatchObject({ processId: 'runde-2', title: source.title });
    expect(copy.firstAnswerAt).toBeUndefined();
    expect(copy.resultsPublishedAt).toBeUndefined();

    const log = auditLogSchema.parse((await stack.api('/moderation/log?processId=runde-2', { token: admin.token })).json);
    // Newest first: the survey's entry is written after the process's, in the same transaction.
    expect(log.items.map((e) => e.action)).toEqual(['survey-save', 'process-create']);
    expect(log.items[0]).toMatchObject({ actorName: 'Ada Admin', reason: expect.stringContaining(`(${SOURCE})`) });
  });

  it('refuses a clone onto a taken id (409) and writes no survey for it', async () => {
    const made = await stack.api('/processes', { method: 'POST', token: admin.token, body: aDefinition('optaget') });
    expect(made.status).toBe(201);
    const r = await clone('optaget');
    expect(r.status).toBe(409);
    expect(r.json).toMatchObject({ errors: [{ path: 'body.id', message: expect.stringMatching(/findes allerede/) }] });
    expect((await surveyOf('optaget')).status).toBe(404);
    expect(processSchema.parse((await stack.api('/processes/optaget')).json).clonedFrom).toBeUndefined();
  });

  it('leaves no process behind when the survey cannot be written (one transaction)', async () => {
    // A survey item already under the new id (a state the API never makes) makes the survey's write
    // fail: written apart, the process would stay without the survey it was cloned with.
    const client = createDocumentClient(stack.info.dynamodbEndpoint);
    const stray = { ...keys.survey('forhindret'), type: 'survey', marker: 'stray' };
    await client.send(new PutCommand({ TableName: mainTable.localName, Item: stray }));
    const r = await clone('forhindret');
    expect(r.status).toBe(500);
    expect((await stack.api('/processes/forhindret')).status).toBe(404);
    const { Item } = await client.send(new GetCommand({ TableName: mainTable.localName, Key: keys.survey('forhindret') }));
    expect(Item).toEqual(stray);
    const log = auditLogSchema.parse((await stack.api('/moderation/log?processId=forhindret', { token: admin.token })).json);
    expect(log.items).toEqual([]);
    // The id is still free: once the stray item is gone, the clone goes through.
    await client.send(new DeleteCommand({ TableName: mainTable.localName, Key: keys.survey('forhindret') }));
    expect((await clone('forhindret')).status).toBe(201);
    expect((await surveyOf('forhindret')).status).toBe(200);
  });
});
