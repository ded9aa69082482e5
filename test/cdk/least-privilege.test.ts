import { beforeAll, describe, expect, it } from 'vitest';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { IConstruct } from 'constructs';
import { routeList } from '#shared/api/routes';
import { isProtected } from '#shared/rules/access';
import { RetentionJob } from '../../cdk/constructs/retention-job';
import { testApp } from './synth';

/**
 * The security review's least-privilege findings, checked by evaluating each function role's IAM
 * statements the way IAM does for one DynamoDB request (action, partition key, table or index): an
 * explicit Deny wins, otherwise some Allow must match action, resource and condition.
 */

type Condition = Record<string, Record<string, string | string[]>>;
type Statement = { Effect: 'Allow' | 'Deny'; Action: string | string[]; Resource: unknown; Condition?: Condition };
type Resource = { Type: string; Properties: Record<string, any> };

let app: ReturnType<typeof testApp>;
let template: Template;

beforeAll(() => {
  app = testApp();
  template = Template.fromStack(app.api);
}, 60_000);

const logicalId = (stack: Stack, construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);

/** Every statement of the role of `fn`. */
function statementsOf(fn: NodejsFunction): Statement[] {
  const roleId = logicalId(app.api, fn.role!);
  return (Object.values(template.findResources('AWS::IAM::Policy')) as Resource[])
    .filter((p) => p.Properties.Roles.some((r: { Ref?: string }) => r.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

/** The main table's ARN as the API stack writes it (an import from the data stack), or one of its indexes'. */
function resourceKind(resource: unknown): 'table' | 'index' | 'other' {
  const text = JSON.stringify(resource);
  if (!text.includes('Deltag-Data') && !text.includes('ImportValue')) return 'other';
  return text.includes('/index/') ? 'index' : 'table';
}

const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
const actionMatches = (pattern: string, action: string) => glob(pattern).test(action);

/** IAM's reading of the one condition key these policies use, for a request on one partition key. */
function conditionHolds(condition: Condition | undefined, leadingKey: string): boolean {
  if (!condition) return true;
  return Object.entries(condition).every(([operator, keys]) =>
    Object.entries(keys).every(([key, value]) => {
      if (key !== 'dynamodb:LeadingKeys') return false; // unknown key: this evaluator cannot say, so it does not match
      const patterns = [value].flat();
      const like = patterns.some((p) => glob(p).test(leadingKey));
      if (operator === 'ForAllValues:StringLike' || operator === 'ForAnyValue:StringLike') return like;
      if (operator === 'ForAllValues:StringEquals' || operator === 'ForAnyValue:StringEquals') return patterns.includes(leadingKey);
      return false;
    }),
  );
}

/** Whether `fn` may do `action` on the main table (or an index) for partition key `leadingKey`. */
function allowed(fn: NodejsFunction, action: string, leadingKey: string, on: 'table' | 'index' = 'table'): boolean {
  const applies = (s: Statement) =>
    [s.Action].flat().some((a) => actionMatches(a, action)) &&
    [s.Resource].flat().some((r) => r === '*' || resourceKind(r) === on) &&
    conditionHolds(s.Condition, leadingKey);
  const statements = statementsOf(fn);
  if (statements.some((s) => s.Effect === 'Deny' && applies(s))) return false;
  return statements.some((s) => s.Effect === 'Allow' && applies(s));
}

/** Every Lambda function of the API stack: the areas', the jobs', and any added later. */
const allFunctions = () => app.api.node.findAll().filter((c): c is NodejsFunction => c instanceof NodejsFunction);
const retentionFn = () => app.api.node.findAll().find((c): c is RetentionJob => c instanceof RetentionJob)!.fn;

describe('least privilege on the table', () => {
  it('grants Scan (a whole-table read) to no function', () => {
    for (const fn of allFunctions()) {
      const statements = statementsOf(fn).filter((s) => s.Effect === 'Allow');
      const actions = statements.flatMap((s) => [s.Action].flat());
      expect(actions.filter((a) => actionMatches(a, 'dynamodb:Scan')), fn.node.path).toEqual([]);
    }
  });

  it('lets the public read function (processes) read only the processes and their public change log', () => {
    // It serves only public GET routes: every route of its area is public and reads.
    const routes = routeList.filter((r) => r.area === 'processes');
    expect(routes.every((r) => r.method === 'GET' && !isProtected(r.access))).toBe(true);
    const fn = app.api.functions.processes!.fn;
    // What it serves: the process list and one process (PROCESSES), a process's changes (its audit copy).
    expect(allowed(fn, 'dynamodb:Query', 'PROCESSES')).toBe(true);
    expect(allowed(fn, 'dynamodb:GetItem', 'PROCESSES')).toBe(true);
    expect(allowed(fn, 'dynamodb:Query', 'AUDIT#T#borgerpanel-2026')).toBe(true);
    // Other users' records: profiles, votes, comments, flags, rate counters, mail records, inboxes.
    for (const pk of ['USER#0f1e2d3c', 'IDEA#01JX', 'RATE#0f1e2d3c', 'MAILLOG#0f1e2d3c', 'INBOX#0f1e2d3c', 'ASSISTED#p1', 'EVSIGN#p1#e1', 'AUDIT#p1']) {
      for (const action of ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem']) {
        expect(allowed(fn, action, pk), `${action} ${pk}`).toBe(false);
      }
    }
    // No index (the byUser index lists everything one user did), and no write of any kind.
    expect(allowed(fn, 'dynamodb:Query', 'USER#0f1e2d3c', 'index')).toBe(false);
    for (const action of ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']) {
      expect(allowed(fn, action, 'PROCESSES'), action).toBe(false);
    }
  });

  it('gives the API description function (meta) no access to the table at all', () => {
    const fn = app.api.functions.meta!.fn;
    for (const action of ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem']) expect(allowed(fn, action, 'PROCESSES'), action).toBe(false);
  });

  it('lets no function change or delete an audit entry, except the two erasures (retention job, account deletion)', () => {
    const retention = retentionFn();
    const me = app.api.functions.me!.fn;
    const others = allFunctions().filter((fn) => fn !== retention && fn !== me);
    expect(others.length).toBeGreaterThan(16);
    for (const fn of others) {
      for (const action of ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']) {
        for (const pk of ['AUDIT#borgerpanel-2026', 'AUDIT#T#01JXIDEA']) {
          expect(allowed(fn, action, pk), `${fn.node.path} ${action} ${pk}`).toBe(false);
        }
      }
    }
    // The retention job keeps what the erasure needs (anonymise an entry, delete its copy).
    expect(allowed(retention, 'dynamodb:UpdateItem', 'AUDIT#p1')).toBe(true);
    expect(allowed(retention, 'dynamodb:DeleteItem', 'AUDIT#T#01JXIDEA')).toBe(true);
    // Account deletion moves the entries about the user to a pseudonym (an update and a moved copy).
    expect(allowed(me, 'dynamodb:UpdateItem', 'AUDIT#p1')).toBe(true);
    expect(allowed(me, 'dynamodb:DeleteItem', 'AUDIT#T#0f1e2d3c')).toBe(true);
  });

  it('still lets the writing areas append audit entries and change their own records', () => {
    const moderation = app.api.functions.moderation!.fn;
    expect(allowed(moderation, 'dynamodb:PutItem', 'AUDIT#p1')).toBe(true);
    expect(allowed(moderation, 'dynamodb:UpdateItem', 'IDEA#01JX')).toBe(true);
    expect(allowed(moderation, 'dynamodb:Query', 'PROC#p1#QUEUE#pending', 'index')).toBe(true);
    // The audit author list (latest name) is not an entry: it lives under AUDITACTOR#, outside the deny.
    expect(allowed(moderation, 'dynamodb:PutItem', 'AUDITACTOR#p1')).toBe(true);
    const votes = app.api.functions.votes!.fn;
    expect(allowed(votes, 'dynamodb:DeleteItem', 'IDEA#01JX')).toBe(true);
  });
});
