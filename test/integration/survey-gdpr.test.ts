import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { myDataExportSchema } from '#shared/schemas/me';
import { surveyResultsSchema } from '#shared/schemas/survey';
import { aDefinition } from '../fixtures/process-definitions';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * GDPR for surveys through the local gateway: "Hent mine data" names the surveys a person answered
 * signed in (process id and title, nothing of the answers, with why), and deleting the account
 * deletes those markers while the answers, which name nobody, stay in the results.
 */

const DAY = 24 * 60 * 60 * 1000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
type User = Awaited<ReturnType<TestStack['user']>>;

let stack: TestStack;
let admin: User;
let moderator: User;

const survey = {
  title: { da: 'Holdninger til AI' },
  intro: { da: 'Fortæl os, hvad du mener.' },
  anonymous: false,
  sections: [
    {
      id: 'tillid',
      title: { da: 'Tillid' },
      questions: [
        { id: 'stol', kind: 'likert', text: { da: 'Jeg stoler på AI' }, required: true, lowLabel: { da: 'Uenig' }, highLabel: { da: 'Enig' } },
        { id: 'hvorfor', kind: 'long-text', text: { da: 'Hvorfor?' }, maxLength: 500 },
      ],
    },
  ],
};

async function newSurvey(id: string, title: string) {
  const phases = [
    { kind: 'survey', title: { da: 'Spørgeskema' }, startsAt: at(-1), endsAt: at(29) },
    { kind: 'closed', title: { da: 'Slut' }, startsAt: at(90) },
  ];
  const created = await stack.api('/processes', { method: 'POST', token: admin.token, body: aDefinition(id, { title: { da: title, en: `${title} (en)` }, phases: phases as never }) });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  expect((await stack.api(`/processes/${id}/survey`, { method: 'PUT', token: moderator.token, body: survey })).status).toBe(200);
}
const answer = (id: string, token: string, secret: string) =>
  stack.api(`/processes/${id}/survey/answers`, { method: 'POST', token, body: { answers: { stol: 4, hvorfor: secret } } });
const answerCount = async (id: string) =>
  surveyResultsSchema.parse((await stack.api(`/moderation/surveys/${id}/results`, { token: moderator.token })).json).answerCount;
const scanAll = async () => {
  const client = createDocumentClient(stack.info.dynamodbEndpoint);
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: mainTable.localName, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
};

beforeAll(async () => {
  stack = await testStack();
  [admin, moderator] = await Promise.all([stack.user({ role: 'admin' }), stack.user({ role: 'moderator' })]);
}, 120_000);
afterAll(() => stack?.stop());

describe('a survey answered signed in, in the GDPR download and erasure', () => {
  it('is listed by process id and title only; deleting the account deletes the marker and keeps the answer', async () => {
    await newSurvey('gdpr-a', 'Første runde');
    await newSurvey('gdpr-b', 'Anden runde');
    await newSurvey('gdpr-c', 'Ikke besvaret');
    const person = await stack.user({ name: 'Svar Hansen' });
    const other = await stack.user();
    const secret = `Min grund ${crypto.randomUUID()}`;
    expect((await answer('gdpr-a', person.token, secret)).status).toBe(201);
    expect((await answer('gdpr-b', person.token, secret)).status).toBe(201);
    expect((await answer('gdpr-a', other.token, 'En andens grund')).status).toBe(201);

    const exported = await stack.api('/me/export', { token: person.token });
    expect(exported.status).toBe(200);
    const data = myDataExportSchema.parse(exported.json);
    expect(data.surveys.answered.sort((a, b) => a.processId.localeCompare(b.processId))).toEqual([
      { processId: 'gdpr-a', processTitle: { da: 'Første runde', en: 'Første runde (en)' } },
      { processId: 'gdpr-b', processTitle: { da: 'Anden runde', en: 'Anden runde (en)' } },
    ]);
    expect(data.surveys.note.da).toMatch(/uden navn.*kan ikke føres tilbage til dig/);
    expect(data.surveys.note.en).toMatch(/without a name.*cannot be traced back to you/);
    // Nothing of what was answered is in the download.
    expect(JSON.stringify(exported.json)).not.toContain(secret);
    expect(JSON.stringify(exported.json)).not.toContain('"stol"');

    const markersOf = async (userId: string) => (await scanAll()).filter((i) => i.type === 'surveyMarker' && JSON.stringify(i).includes(userId));
    expect(await markersOf(person.userId)).toHaveLength(2);
    expect((await stack.api('/me', { method: 'DELETE', token: person.token })).status).toBe(204);

    expect(await markersOf(person.userId)).toEqual([]);
    // The other person's marker is untouched, and every answer stays: they name nobody.
    expect(await markersOf(other.userId)).toHaveLength(1);
    expect(await answerCount('gdpr-a')).toBe(2);
    expect(await answerCount('gdpr-b')).toBe(1);
    const texts = (await scanAll()).filter((i) => i.type === 'surveyText' && JSON.stringify(i).includes(secret));
    expect(texts).toHaveLength(2);
  });

  it('lists no surveys for a person who answered none', async () => {
    const person = await stack.user();
    const data = myDataExportSchema.parse((await stack.api('/me/export', { token: person.token })).json);
    expect(data.surveys.answered).toEqual([]);
  });
});
