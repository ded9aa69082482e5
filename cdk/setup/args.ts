import { parseArgs } from 'node:util';
import * as z from 'zod';
import { identity } from '../definitions/identity';

/**
 * The arguments of `npm run setup`, read into a command, or the message a person at the terminal
 * reads: Danish, naming the option that is wrong, with the usage. Pure, so it is unit-tested
 * without a stack or AWS.
 */
export const DEFAULT_PROCESS_FILE = 'processes/ai-i-gentofte.json';
export const DEFAULT_STACK_PREFIX = 'Deltag';
/** The CDK app's region unless the environment says otherwise (cdk/app.ts). */
export const defaultRegion = (env: NodeJS.ProcessEnv = process.env) => env.AWS_REGION ?? env.CDK_DEFAULT_REGION ?? 'eu-north-1';

export const usage = `Brug: npm run setup -- --stage local|aws --admin-email E [--admin-password P] [--process ${DEFAULT_PROCESS_FILE}]
                    [--keep-dates] [--region R] [--stack-prefix ${DEFAULT_STACK_PREFIX}] [--stack-file .local/stack.json]
       npm run setup -- export --stage local|aws --process <forløbets id> [--out fil.json] [--region R] [--stack-prefix ${DEFAULT_STACK_PREFIX}]`;

const options = {
  stage: { type: 'string' },
  'admin-email': { type: 'string' },
  'admin-password': { type: 'string' },
  process: { type: 'string' },
  out: { type: 'string' },
  'keep-dates': { type: 'boolean' },
  region: { type: 'string' },
  'stack-prefix': { type: 'string' },
  'stack-file': { type: 'string' },
} as const;

const stage = z.enum(['local', 'aws'], { error: (i) => (i.input === undefined ? 'mangler (local eller aws)' : 'skal være local eller aws') });
const where = {
  stage,
  region: z.string().min(1).optional(),
  'stack-prefix': z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'skal være et CloudFormation-stakprefiks (bogstaver, tal, bindestreg)').optional(),
  'stack-file': z.string().min(1).optional(),
};
const importSchema = z
  .object({
    ...where,
    'admin-email': z.email({ error: (i) => (i.input === undefined ? 'mangler' : 'er ikke en gyldig e-mailadresse') }),
    'admin-password': z.string().min(identity.passwordPolicy.minLength, `skal have mindst ${identity.passwordPolicy.minLength} tegn`).optional(),
    process: z.string().min(1).default(DEFAULT_PROCESS_FILE),
    'keep-dates': z.boolean().optional(),
  })
  .strict();
const exportSchema = z
  .object({
    ...where,
    process: z.string({ error: 'mangler (forløbets id, fx ai-i-gentofte)' }).min(1, 'mangler (forløbets id, fx ai-i-gentofte)'),
    out: z.string().min(1).optional(),
  })
  .strict();

/** Where the command works: the running local stack or a deployment in AWS. */
export type Target = { stage: 'local'; stackFile?: string } | { stage: 'aws'; region: string; stackPrefix: string };

export type SetupCommand =
  | { command: 'import'; target: Target; adminEmail: string; adminPassword?: string; file: string; keepDates: boolean }
  | { command: 'export'; target: Target; processId: string; out?: string };

export type SetupArgs = { ok: true; command: SetupCommand } | { ok: false; message: string };

export function readSetupArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): SetupArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options });
  } catch (error) {
    // node:util names the option in English ("Unknown option '--x'"); keep its words, add the usage.
    return { ok: false, message: `${(error as Error).message}\n${usage}` };
  }
  const [command, ...rest] = parsed.positionals;
  if (command !== undefined && command !== 'export') return { ok: false, message: `Ukendt kommando: ${command}\n${usage}` };
  if (rest.length) return { ok: false, message: `Uventet argument: ${rest.join(' ')}\n${usage}` };
  const input = (command === 'export' ? exportSchema : importSchema).safeParse(parsed.values);
  if (!input.success) {
    const lines = input.error.issues.map((i) =>
      i.code === 'unrecognized_keys' ? `${i.keys.map((k) => `--${k}`).join(', ')}: bruges ikke ${command === 'export' ? 'ved export' : 'ved import'}` : `--${i.path.join('.')}: ${i.message}`,
    );
    return { ok: false, message: `${lines.join('\n')}\n${usage}` };
  }
  const v = input.data;
  if (v.stage === 'aws' && v['stack-file']) return { ok: false, message: '--stack-file gælder kun --stage local' };
  if (v.stage === 'local' && (v.region || v['stack-prefix'])) return { ok: false, message: '--region og --stack-prefix gælder kun --stage aws' };
  const target: Target =
    v.stage === 'local'
      ? { stage: 'local', ...(v['stack-file'] ? { stackFile: v['stack-file'] } : {}) }
      : { stage: 'aws', region: v.region ?? defaultRegion(env), stackPrefix: v['stack-prefix'] ?? DEFAULT_STACK_PREFIX };
  if (!('admin-email' in v)) return { ok: true, command: { command: 'export', target, processId: v.process, ...(v.out ? { out: v.out } : {}) } };
  if (v.stage === 'aws' && v['keep-dates']) return { ok: false, message: '--keep-dates gælder kun --stage local (i AWS bruges filens datoer altid)' };
  return {
    ok: true,
    command: {
      command: 'import',
      target,
      adminEmail: v['admin-email'],
      ...(v['admin-password'] ? { adminPassword: v['admin-password'] } : {}),
      file: v.process,
      keepDates: v['keep-dates'] ?? false,
    },
  };
}
