import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfirmForgotPasswordCommand, ForgotPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '#local/users';
import { processListSchema } from '#shared/schemas/process';
import { auditLogSchema } from '#shared/schemas/moderation';
import { surveySchema } from '#shared/schemas/survey';
import { definitionJson, readDefinitionFile, shiftDefinition } from '../../cdk/setup/definition';
import { main } from '../../cdk/setup/main';
import { codeFor } from '../helpers/journey';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * `npm run setup -- --stage local` against a running stack (the test's own, through a stack file as
 * `npm start` writes it): the first admin can work, a second definition file becomes a listed,
 * audited process, a second run changes nothing, and the export gives the file back.
 */
const FIXTURE = 'test/fixtures/processes/fremtidens-biblioteker.json';
const ID = 'fremtidens-biblioteker';
const EMAIL = 'forste.admin@example.dk';
const PASSWORD = 'Admin-adgang-2026';

let stack: TestStack;
let stackFile: string;
const dir = mkdtempSync(join(tmpdir(), 'deltag-setup-'));

beforeAll(async () => {
  stack = await testStack();
  stackFile = join(dir, 'stack.json');
  writeFileSync(stackFile, JSON.stringify(stack.info));
}, 90_000);
afterAll(() => stack?.stop());

/** Runs the command as the terminal would, collecting what it prints. */
async function setup(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join(''), err: err.join('\n') };
}
const runImport = () => setup('--stage', 'local', '--stack-file', stackFile, '--admin-email', EMAIL, '--admin-password', PASSWORD, '--process', FIXTURE);

const processes = async () => processListSchema.parse((await stack.api('/processes')).json).items;
const processLog = async (token: string) => {
  const r = await stack.api(`/moderation/log?processId=${ID}`, { token });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return auditLogSchema.parse(r.json).items;
};

describe('npm run setup -- --stage local', () => {
  it('creates the first admin and imports the process, opening today on a local stack', async () => {
    const before = Date.now();
    const run = await runImport();
    expect(run.code, run.err).toBe(0);
    expect(run.err).toContain(`Administratoren ${EMAIL} er oprettet`);
    expect(run.err).toContain('Ved første login skal vedkommende slå totrinsbekræftelse til under Min side');
    expect(run.err).toContain(`Forløbet "${ID}" (Fremtidens biblioteker (testforløb)) er oprettet i den lokale stak`);

    // The admin signs in and may call an admin route.
    const token = await signIn(stack.stack.pool, EMAIL, PASSWORD);
    const found = await stack.api(`/users?email=${encodeURIComponent(EMAIL)}`, { token });
    expect(found.status, JSON.stringify(found.json)).toBe(200);
    expect(found.json).toMatchObject({ email: EMAIL, roles: ['admin'] });

    // Listed beside the seeded Gentofte process, its dates moved to start today (UTC midnight).
    const listed = await processes();
    expect(listed.map((p) => p.id).sort()).toEqual(['ai-i-gentofte', ID]);
    const imported = listed.find((p) => p.id === ID)!;
    const today = new Date(before).toISOString().slice(0, 10);
    expect(imported.phases[0]!.startsAt).toBe(`${today}T00:00:00.000Z`);
    expect(imported.settings).toMatchObject({ moderation: 'pre', votesPerPerson: 5 });

    // Audited as the setup command's creation.
    const log = await processLog(token);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: 'process-create', actorId: 'setup', actorName: 'Opsætning', targetId: ID });
  });

  it('changes nothing on a second run, and says so', async () => {
    const stored = (await processes()).find((p) => p.id === ID)!;
    const run = await runImport();
    expect(run.code, run.err).toBe(0);
    expect(run.err).toContain(`${EMAIL} er allerede administrator: ikke ændret.`);
    expect(run.err).toContain(`Forløbet "${ID}" findes allerede`);
    expect(run.err).toContain('Intet ændret');
    expect((await processes()).find((p) => p.id === ID)).toEqual(stored);
    expect(await processLog(await signIn(stack.stack.pool, EMAIL, PASSWORD))).toHaveLength(1);
  });

  it('makes an existing user an admin without touching their password', async () => {
    const citizen = await stack.user();
    const run = await setup('--stage', 'local', '--stack-file', stackFile, '--admin-email', citizen.email, '--process', FIXTURE);
    expect(run.code, run.err).toBe(0);
    expect(run.err).toContain(`${citizen.email} fandtes og er nu administrator.`);
    const token = await signIn(stack.stack.pool, citizen.email, citizen.password);
    expect((await stack.api(`/users?email=${encodeURIComponent(EMAIL)}`, { token })).status).toBe(200);
  });

  it('creates an admin without a password, who chooses their own through "Glemt adgangskode?"', async () => {
    const email = 'uden.kodeord@example.dk';
    const run = await setup('--stage', 'local', '--stack-file', stackFile, '--admin-email', email, '--process', FIXTURE);
    expect(run.code, run.err).toBe(0);
    expect(run.err).toContain(`Administratoren ${email} er oprettet uden kendt adgangskode`);
    // What the app's forgotten-password page does: a code by mail (cognito-local prints it), then a new password.
    const { client, userPoolClientId } = stack.stack.pool;
    await client.send(new ForgotPasswordCommand({ ClientId: userPoolClientId, Username: email }));
    const code = await codeFor(stack.stack, email);
    await client.send(new ConfirmForgotPasswordCommand({ ClientId: userPoolClientId, Username: email, ConfirmationCode: code, Password: 'Mit-eget-kodeord-1' }));
    const token = await signIn(stack.stack.pool, email, 'Mit-eget-kodeord-1');
    expect((await stack.api(`/users?email=${encodeURIComponent(email)}`, { token })).json).toMatchObject({ email, roles: ['admin'] });
  });

  it('exports the process as the file it came from, once the local date shift is undone', async () => {
    const run = await setup('export', '--stage', 'local', '--stack-file', stackFile, '--process', ID);
    expect(run.code, run.err).toBe(0);
    const exported = JSON.parse(run.out);
    const file = readDefinitionFile(FIXTURE);
    expect(definitionJson(shiftDefinition(exported, new Date(file.phases[0]!.startsAt)))).toBe(readFileSync(FIXTURE, 'utf8'));

    const out = join(dir, 'export.json');
    const toFile = await setup('export', '--stage', 'local', '--stack-file', stackFile, '--process', 'ai-i-gentofte', '--out', out);
    expect(toFile.code, toFile.err).toBe(0);
    expect(readDefinitionFile(out).title.da).toBe('AI i Gentofte Kommune');
  });

  it('says what is wrong in one line: a missing file, an invalid definition, an unknown process, a stack that is not running', async () => {
    const missing = await setup('--stage', 'local', '--stack-file', stackFile, '--admin-email', EMAIL, '--process', 'processes/findes-ikke.json');
    expect(missing).toMatchObject({ code: 1, err: 'Filen findes ikke: processes/findes-ikke.json' });

    const invalid = join(dir, 'invalid.json');
    writeFileSync(invalid, JSON.stringify({ ...JSON.parse(readFileSync(FIXTURE, 'utf8')), id: 'Ikke et id' }));
    const bad = await setup('--stage', 'local', '--stack-file', stackFile, '--admin-email', EMAIL, '--process', invalid);
    expect(bad.code).toBe(1);
    expect(bad.err).toBe(`${invalid} er ikke en gyldig forløbsdefinition:\n  id: Må kun indeholde små bogstaver a-z, tal og bindestreger`);

    const unknown = await setup('export', '--stage', 'local', '--stack-file', stackFile, '--process', 'findes-ikke');
    expect(unknown).toMatchObject({ code: 1, err: `Intet forløb med id'et "findes-ikke" i den lokale stak (${stack.info.webUrl}) (der er: ai-i-gentofte, ${ID}).` });

    const notRunning = await setup('export', '--stage', 'local', '--stack-file', join(dir, 'ingen.json'), '--process', ID);
    expect(notRunning).toMatchObject({ code: 1, err: `Den lokale stak kører ikke (ingen ${join(dir, 'ingen.json')}): start den først med \`npm start\`.` });

    const stopped = join(dir, 'stopped.json');
    writeFileSync(stopped, JSON.stringify({ ...stack.info, dynamodbEndpoint: 'http://127.0.0.1:9', cognitoEndpoint: 'http://127.0.0.1:9' }));
    const refused = await setup('export', '--stage', 'local', '--stack-file', stopped, '--process', ID);
    expect(refused).toMatchObject({ code: 1, err: 'Den lokale stak svarer ikke (stakfilen er fra en stak, der er stoppet): start den med `npm start`.' });
  });

  it('imports the survey that stands beside the definition file, audited as setup, and keeps it on a second run', async () => {
    // The seeded Gentofte process came with its survey.
    expect(surveySchema.parse((await stack.api('/processes/ai-i-gentofte/survey')).json).title.da).toMatch(/^Borgernes holdning/);

    const file = join(dir, 'med-skema.json');
    const surveyFile = join(dir, 'med-skema.survey.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(FIXTURE, 'utf8')), id: 'med-skema' }));
    const definition = JSON.parse(readFileSync('processes/ai-i-gentofte.survey.json', 'utf8'));
    writeFileSync(surveyFile, JSON.stringify({ ...definition, sections: definition.sections.slice(0, 1) }));
    const run = await setup('--stage', 'local', '--stack-file', stackFile, '--admin-email', EMAIL, '--process', file);
    expect(run.code, run.err).toBe(0);
    expect(run.err).toContain(`Spørgeskemaet er oprettet fra ${surveyFile}.`);
    const stored = surveySchema.parse((await stack.api('/processes/med-skema/survey')).json);
    expect(stored).toMatchObject({ processId: 'med-skema', title: definition.title, sections: definition.sections.slice(0, 1) });
    const token = await signIn(stack.stack.pool, EMAIL, PASSWORD);
    const log = async () => auditLogSchema.parse((await stack.api('/moderation/log?processId=med-skema', { token })).json).items;
    expect((await log()).find((e) => e.action === 'survey-save')).toMatchObject({ actorId: 'setup', actorName: 'Opsætning', targetId: 'med-skema' });

    // A changed file does not overwrite the survey (an admin may have edited it since).
    writeFileSync(surveyFile, JSON.stringify(definition));
    const again = await setup('--stage', 'local', '--stack-file', stackFile, '--admin-email', EMAIL, '--process', file);
    expect(again.err).toContain('Forløbet har allerede et spørgeskema: det er ikke ændret.');
    expect((await stack.api('/processes/med-skema/survey')).json).toEqual(stored);
    expect(await log()).toHaveLength(2);

    // An invalid survey file is refused before anything is touched.
    const other = join(dir, 'daarligt-skema.json');
    writeFileSync(other, JSON.stringify({ ...JSON.parse(readFileSync(FIXTURE, 'utf8')), id: 'daarligt-skema' }));
    writeFileSync(join(dir, 'daarligt-skema.survey.json'), JSON.stringify({ ...definition, sections: [] }));
    const bad = await setup('--stage', 'local', '--stack-file', stackFile, '--admin-email', EMAIL, '--process', other);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/daarligt-skema\.survey\.json er ikke et gyldigt spørgeskema:\n {2}sections: /);
    expect((await stack.api('/processes/daarligt-skema')).status).toBe(404);
  });
});
