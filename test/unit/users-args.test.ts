import { describe, expect, it } from 'vitest';
import { readUsersArgs, usage } from '../../cdk/local/users-args';

/** What `npm run users` answers a person at the terminal, before it touches any stack. */
describe('npm run users', () => {
  const message = (argv: string[]) => {
    const read = readUsersArgs(argv);
    if (read.ok) throw new Error(`expected a refusal, got ${JSON.stringify(read.args)}`);
    return read.message;
  };

  it('prints the usage for a missing or unknown subcommand, not an option error', () => {
    expect(message(['--email', 'a@example.dk'])).toBe(`Angiv en kommando: create\n${usage}`);
    expect(message(['delete', '--email', 'a@example.dk'])).toBe(`Ukendt kommando: delete\n${usage}`);
  });

  it('names each wrong option in Danish', () => {
    expect(message(['create', '--password', 'Et-godt-kodeord-1']).split('\n')[0]).toBe('--email: mangler');
    expect(message(['create', '--email', 'nope', '--password', 'kort']).split('\n').slice(0, 2)).toEqual([
      '--email: er ikke en gyldig e-mailadresse',
      '--password: skal have mindst 10 tegn',
    ]);
    expect(message(['create', '--email', 'a@example.dk', '--password', 'Et-godt-kodeord-1', '--role', 'boss']).split('\n')[0]).toBe(
      '--role: skal være en af moderator, committee, admin, assistant',
    );
  });

  it('refuses an unknown option with the usage', () => {
    expect(message(['create', '--mail', 'a@example.dk'])).toMatch(/--mail[\s\S]*Brug: npm run users -- create/);
  });

  it('asks for the client and table with a deployed pool', () => {
    expect(message(['create', '--email', 'a@example.dk', '--password', 'Et-godt-kodeord-1', '--user-pool-id', 'eu-north-1_x'])).toBe(
      '--user-pool-id kræver også --client-id og --table (se stakkens outputs)',
    );
  });

  it('reads a valid create, citizen by default', () => {
    expect(readUsersArgs(['create', '--email', 'mette@example.dk', '--password', 'Et-godt-kodeord-1', '--name', 'Mette H.'])).toEqual({
      ok: true,
      args: { email: 'mette@example.dk', password: 'Et-godt-kodeord-1', type: 'citizen', name: 'Mette H.' },
    });
  });
});
