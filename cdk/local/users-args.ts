import { parseArgs } from 'node:util';
import * as z from 'zod';
import { singleLine } from '#shared/schemas/text';
import { participantTypes, roles } from '#shared/rules/values';

/**
 * The arguments of `npm run users`, read into what `createUser` needs, or the message a person at the
 * terminal reads: Danish, naming the option that is wrong, and the usage after a missing or unknown
 * subcommand or option. Pure, so the CLI's answers are unit-tested without a stack.
 */
export const usage = `Brug: npm run users -- create --email E --password P [--role ${roles.join('|')}] [--type ${participantTypes.join('|')}] [--name "Visningsnavn"] [--organisation O]
       med --user-pool-id, --client-id og --table (fra stakkens outputs) i en udrullet stak med dine AWS-nøgler`;

const options = {
  email: { type: 'string' },
  password: { type: 'string' },
  role: { type: 'string' },
  type: { type: 'string', default: 'citizen' },
  name: { type: 'string' },
  organisation: { type: 'string' },
  'user-pool-id': { type: 'string' },
  'client-id': { type: 'string' },
  table: { type: 'string' },
} as const;

const oneOf = (list: readonly string[]) => `skal være en af ${list.join(', ')}`;
const createSchema = z.object({
  email: z.email({ error: (i) => (i.input === undefined ? 'mangler' : 'er ikke en gyldig e-mailadresse') }),
  password: z.string({ error: 'mangler' }).min(10, 'skal have mindst 10 tegn'),
  role: z.enum(roles, { error: oneOf(roles) }).optional(),
  type: z.enum(participantTypes, { error: oneOf(participantTypes) }),
  name: singleLine(2, 60).optional(),
  organisation: singleLine(2, 120).optional(),
  'user-pool-id': z.string().optional(),
  'client-id': z.string().optional(),
  table: z.string().optional(),
});
export type CreateArgs = z.infer<typeof createSchema>;

export type UsersArgs = { ok: true; args: CreateArgs } | { ok: false; message: string };

export function readUsersArgs(argv: readonly string[]): UsersArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options });
  } catch (error) {
    // node:util names the option in English ("Unknown option '--x'"); keep its words, add the usage.
    return { ok: false, message: `${(error as Error).message}\n${usage}` };
  }
  const [command, ...rest] = parsed.positionals;
  if (command !== 'create') {
    return { ok: false, message: `${command ? `Ukendt kommando: ${command}` : 'Angiv en kommando: create'}\n${usage}` };
  }
  if (rest.length) return { ok: false, message: `Uventet argument: ${rest.join(' ')}\n${usage}` };
  const input = createSchema.safeParse(parsed.values);
  if (!input.success) {
    return { ok: false, message: `${input.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${usage}` };
  }
  const deployed = input.data['user-pool-id'];
  if (deployed && (!input.data['client-id'] || !input.data.table)) {
    return { ok: false, message: '--user-pool-id kræver også --client-id og --table (se stakkens outputs)' };
  }
  return { ok: true, args: input.data };
}
