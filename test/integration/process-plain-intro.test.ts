import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogSchema } from '#shared/schemas/moderation';
import { PLAIN_INTRO_MAX } from '#shared/rules/assisted';
import { processDefinitionSchema, processSchema } from '#shared/schemas/process';
import { gentofteProcess } from '../../cdk/setup/definition';
import { aDefinition } from '../fixtures/process-definitions';
import { expectProblem, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * A process's plain-language introduction through the gateway, against DynamoDB Local: the seeded
 * process shows it, an admin creates, changes and removes it (PATCH null), each change in the log,
 * and the definition and a clone carry it.
 */

let stack: TestStack;
let admin: User;

beforeAll(async () => {
  stack = await testStack();
  admin = await stack.user({ role: 'admin', name: 'Ada Admin' });
}, 90_000);
afterAll(() => stack?.stop());

const intro = { da: 'Vi vil bruge AI. Sig din mening.', en: 'We want to use AI. Tell us what you think.' };
const patch = (id: string, body: unknown) => stack.api(`/processes/${id}`, { method: 'PATCH', token: admin.token, body });
const read = async (id: string) => {
  const r = await stack.api(`/processes/${id}`);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return processSchema.parse(r.json);
};

describe('the plain intro', () => {
  it('is on the seeded process’s public page data, as the file has it', async () => {
    expect((await read('ai-i-gentofte')).plainIntro).toEqual(gentofteProcess().plainIntro);
    expect(gentofteProcess().plainIntro?.da).toMatch(/Borgerservice/);
  });

  it('is created, changed and removed by an admin, each change logged; the definition and a clone carry it', async () => {
    const r = await stack.api('/processes', { method: 'POST', token: admin.token, body: aDefinition('letlaest', { plainIntro: intro }) });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect((await read('letlaest')).plainIntro).toEqual(intro);
    const definition = await stack.api('/processes/letlaest/definition', { token: admin.token });
    expect(processDefinitionSchema.parse(definition.json).plainIntro).toEqual(intro);

    const changed = { da: 'Ny og kort tekst.' };
    const p1 = await patch('letlaest', { expectedUpdatedAt: (await read('letlaest')).updatedAt, plainIntro: changed });
    expect(p1.status, JSON.stringify(p1.json)).toBe(200);
    expect((await read('letlaest')).plainIntro).toEqual(changed);

    const startsAt = (await read('letlaest')).phases[0]!.startsAt;
    const clone = await stack.api('/processes/letlaest/clone', { method: 'POST', token: admin.token, body: { id: 'letlaest-2', title: { da: 'Igen' }, startsAt } });
    expect(clone.status, JSON.stringify(clone.json)).toBe(201);
    expect((await read('letlaest-2')).plainIntro).toEqual(changed);

    const p2 = await patch('letlaest', { expectedUpdatedAt: (await read('letlaest')).updatedAt, plainIntro: null });
    expect(p2.status, JSON.stringify(p2.json)).toBe(200);
    expect(p2.json).not.toHaveProperty('plainIntro');
    expect(await read('letlaest')).not.toHaveProperty('plainIntro');

    const log = auditLogSchema.parse((await stack.api('/moderation/log?processId=letlaest', { token: admin.token })).json);
    const updates = log.items.filter((e) => e.action === 'process-update').map((e) => e.changes);
    expect(updates).toEqual([[{ field: 'plainIntro', before: changed }], [{ field: 'plainIntro', before: intro, after: changed }]]);
  });

  it(`refuses an intro over ${PLAIN_INTRO_MAX} characters or without Danish (400), changing nothing`, async () => {
    const before = await read('ai-i-gentofte');
    const long = await patch('ai-i-gentofte', { expectedUpdatedAt: before.updatedAt, plainIntro: { da: 'a'.repeat(PLAIN_INTRO_MAX + 1) } });
    expectProblem(long, 400);
    expect(long.json.errors).toContainEqual(expect.objectContaining({ path: 'body.plainIntro.da' }));
    expectProblem(await patch('ai-i-gentofte', { expectedUpdatedAt: before.updatedAt, plainIntro: { en: 'Only English.' } }), 400);
    expect(await read('ai-i-gentofte')).toEqual(before);
  });
});
