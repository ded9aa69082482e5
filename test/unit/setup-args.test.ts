import { describe, expect, it } from 'vitest';
import { readSetupArgs, usage } from '../../cdk/setup/args';

/** What `npm run setup` answers a person at the terminal, before it touches a stack or AWS. */
describe('npm run setup', () => {
  const env = {};
  const message = (argv: string[]) => {
    const read = readSetupArgs(argv, env);
    if (read.ok) throw new Error(`expected a refusal, got ${JSON.stringify(read.command)}`);
    return read.message;
  };
  const command = (argv: string[], environment: NodeJS.ProcessEnv = env) => {
    const read = readSetupArgs(argv, environment);
    if (!read.ok) throw new Error(read.message);
    return read.command;
  };

  it('imports the Gentofte file into the local stack, dates moved unless asked', () => {
    expect(command(['--stage', 'local', '--admin-email', 'admin@gentofte.dk'])).toEqual({
      command: 'import',
      target: { stage: 'local' },
      adminEmail: 'admin@gentofte.dk',
      file: 'processes/ai-i-gentofte.json',
      keepDates: false,
    });
    expect(command(['--stage', 'local', '--admin-email', 'a@b.dk', '--admin-password', 'Et-godt-kodeord-1', '--process', 'x.json', '--keep-dates', '--stack-file', 's.json'])).toEqual({
      command: 'import',
      target: { stage: 'local', stackFile: 's.json' },
      adminEmail: 'a@b.dk',
      adminPassword: 'Et-godt-kodeord-1',
      file: 'x.json',
      keepDates: true,
    });
  });

  it('finds a deployment by region and stack prefix: the environment\'s region, else Stockholm', () => {
    expect(command(['--stage', 'aws', '--admin-email', 'a@b.dk']).target).toEqual({ stage: 'aws', region: 'eu-north-1', stackPrefix: 'Deltag' });
    expect(command(['--stage', 'aws', '--admin-email', 'a@b.dk'], { AWS_REGION: 'eu-west-1' }).target).toEqual({ stage: 'aws', region: 'eu-west-1', stackPrefix: 'Deltag' });
    expect(command(['--stage', 'aws', '--admin-email', 'a@b.dk', '--region', 'eu-central-1', '--stack-prefix', 'Deltag-Test']).target).toEqual({
      stage: 'aws',
      region: 'eu-central-1',
      stackPrefix: 'Deltag-Test',
    });
  });

  it('exports a process by id, to a file or standard output', () => {
    expect(command(['export', '--stage', 'aws', '--process', 'ai-i-gentofte', '--out', 'ud.json'])).toEqual({
      command: 'export',
      target: { stage: 'aws', region: 'eu-north-1', stackPrefix: 'Deltag' },
      processId: 'ai-i-gentofte',
      out: 'ud.json',
    });
    expect(command(['export', '--stage', 'local', '--process', 'ai-i-gentofte'])).toEqual({ command: 'export', target: { stage: 'local' }, processId: 'ai-i-gentofte' });
  });

  it('names each missing or wrong option in Danish, with the usage', () => {
    expect(message(['--stage', 'local'])).toBe(`--admin-email: mangler\n${usage}`);
    expect(message(['--admin-email', 'a@b.dk']).split('\n')[0]).toBe('--stage: mangler (local eller aws)');
    expect(message(['--stage', 'prod', '--admin-email', 'ikke-en-adresse', '--admin-password', 'kort']).split('\n').slice(0, 3)).toEqual([
      '--stage: skal være local eller aws',
      '--admin-email: er ikke en gyldig e-mailadresse',
      '--admin-password: skal have mindst 10 tegn',
    ]);
    expect(message(['export', '--stage', 'local']).split('\n')[0]).toBe('--process: mangler (forløbets id, fx ai-i-gentofte)');
  });

  it('refuses options that do not belong to the command or the stage', () => {
    expect(message(['export', '--stage', 'local', '--process', 'x', '--admin-email', 'a@b.dk']).split('\n')[0]).toBe('--admin-email: bruges ikke ved export');
    expect(message(['--stage', 'local', '--admin-email', 'a@b.dk', '--out', 'x.json']).split('\n')[0]).toBe('--out: bruges ikke ved import');
    expect(message(['--stage', 'local', '--admin-email', 'a@b.dk', '--region', 'eu-west-1'])).toBe('--region og --stack-prefix gælder kun --stage aws');
    expect(message(['--stage', 'aws', '--admin-email', 'a@b.dk', '--stack-file', 's.json'])).toBe('--stack-file gælder kun --stage local');
    expect(message(['--stage', 'aws', '--admin-email', 'a@b.dk', '--keep-dates'])).toBe('--keep-dates gælder kun --stage local (i AWS bruges filens datoer altid)');
  });

  it('refuses an unknown command, an unknown option and a stray argument', () => {
    expect(message(['import', '--stage', 'local'])).toBe(`Ukendt kommando: import\n${usage}`);
    expect(message(['--stage', 'local', '--admin-mail', 'a@b.dk'])).toMatch(/--admin-mail[\s\S]*Brug: npm run setup/);
    expect(message(['export', 'ai-i-gentofte', '--stage', 'local'])).toBe(`Uventet argument: ai-i-gentofte\n${usage}`);
  });
});
