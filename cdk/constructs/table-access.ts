import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { keys } from '#functions/adapters/dynamodb/keys';

/**
 * The DynamoDB rights a function gets, as explicit action lists instead of the CDK's grantReadData and
 * grantReadWriteData: those include Scan (a read of every item, which no code path needs: every read is
 * a Query on a partition or a GetItem) and DescribeTable and the stream reads, which none needs either.
 * A transaction (TransactWriteItems, TransactGetItems) is authorised item by item against these same
 * actions, so it needs no action of its own.
 */
export const tableReadActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
export const tableWriteActions = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

export interface TableAccess {
  access: 'read' | 'readwrite';
  /**
   * Only these partition keys (IAM StringLike patterns): the table alone then, no index. For a
   * function that serves a few partitions to anyone, so a fault in it cannot read anyone's records.
   */
  leadingKeys?: string[];
}

/** Allows `fn` the table's reads (and writes) on the table and its indexes, or only on `leadingKeys`. */
export function grantTableAccess(fn: IFunction, table: ITable, { access, leadingKeys }: TableAccess): void {
  const actions = access === 'read' ? tableReadActions : [...tableReadActions, ...tableWriteActions];
  fn.addToRolePolicy(
    leadingKeys
      ? new PolicyStatement({
          actions,
          resources: [table.tableArn],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': leadingKeys } },
        })
      : new PolicyStatement({ actions, resources: [table.tableArn, `${table.tableArn}/index/*`] }),
  );
}

/**
 * Audit entries, AUDIT#<processId> and their per-target copies AUDIT#T#<targetId> (keys.ts); not the
 * author list AUDITACTOR#<processId>, whose latest name is rewritten with each entry.
 */
export const auditPartitionPattern = keys.auditPartition('*');

/**
 * The audit log is append-only for every function: entries are Put (with a condition that they do not
 * exist, audit.ts), never changed or deleted. An explicit Deny wins over any Allow, so a later grant
 * (or a bug in a use case) cannot rewrite history. Checked per item, so it holds inside transactions
 * and batches too. PutItem stays allowed: appending is what the writers do, and IAM cannot tell a new
 * item from an overwrite; the adapter's attribute_not_exists condition covers that (SECURITY.md).
 */
export function denyAuditChanges(fn: IFunction, table: ITable): void {
  fn.addToRolePolicy(
    new PolicyStatement({
      effect: Effect.DENY,
      actions: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
      resources: [table.tableArn],
      conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [auditPartitionPattern] } },
    }),
  );
}

/**
 * Search documents and their change log (SEARCH#…, SEARCHLOG#…, keys.ts) are the stream projector's
 * alone (constructs/search-projector.ts): every other function reads them at most. A bug elsewhere
 * cannot plant a document that shows a hidden idea, or drop one.
 */
export function denySearchWrites(fn: IFunction, table: ITable): void {
  fn.addToRolePolicy(
    new PolicyStatement({
      effect: Effect.DENY,
      actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
      resources: [table.tableArn],
      conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [...keys.searchPartitionPatterns] } },
    }),
  );
}
