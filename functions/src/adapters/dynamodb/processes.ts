// use case --> (secondary adapter) --> DynamoDB
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { processSchema, type Process } from '#shared/schemas/process';
import type { Survey } from '#shared/schemas/survey';
import type { AuditRecord, ProcessStore } from '../../domain/ports';
import { auditPuts } from './audit';
import { keys } from './keys';
import { queryAll } from './query';
import { transact, type TransactItems } from './transactions';

/**
 * Access patterns: list all processes (one Query on the PROCESSES partition — there are few, and
 * they are listed together on the front page); get one process by id.
 * An admin's changes are written in one transaction with their audit entry: a creation only if the
 * id is free, a change only if `updatedAt` is still the one the admin's edit was based on. A clone's
 * copied survey is written in the creation's transaction (no process without the survey it was cloned with).
 */

/**
 * What an admin decides, written by `update` (the optional archivedAt and plainIntro beside them, set or
 * removed); createdAt and personalDataErasedAt are never touched there.
 */
const ADMIN_FIELDS = ['title', 'summary', 'description', 'charter', 'phases', 'areas', 'effects', 'settings', 'updatedAt'] as const;
export function processStore(client: DynamoDBDocumentClient, table: string): ProcessStore {
  return {
    async list() {
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.processPartition },
      });
      return items.map(fromItem);
    },

    async get(processId) {
      const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.process(processId) }));
      return Item ? fromItem(Item) : undefined;
    },

    async put(process) {
      await client.send(new PutCommand({ TableName: table, Item: { ...keys.process(process.id), type: 'process', ...process } }));
    },

    async create(process, audit, survey) {
      const outcome = await transact(client, [
        { Put: { TableName: table, Item: { ...keys.process(process.id), type: 'process', ...process }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ...auditPuts(table, audit),
        ...(survey ? surveyPuts(table, survey.survey, survey.audit, audit) : []),
      ]);
      if (outcome.ok) return 'created';
      if (outcome.failed[0]) return 'exists';
      // A ULID collision, or a survey already under a process id that was free: not the client's doing.
      throw new Error(`audit entry ${audit.id} or the survey of ${process.id} exists`);
    },

    async update(process, expectedUpdatedAt, audit) {
      const names: Record<string, string> = { '#archivedAt': 'archivedAt', '#plainIntro': 'plainIntro', '#expected': 'updatedAt' };
      const values: Record<string, unknown> = { ':expected': expectedUpdatedAt };
      const set = ADMIN_FIELDS.map((field, i) => {
        names[`#f${i}`] = field;
        values[`:f${i}`] = process[field];
        return `#f${i} = :f${i}`;
      });
      const remove: string[] = [];
      if (process.archivedAt !== undefined) {
        set.push('#archivedAt = :archivedAt');
        values[':archivedAt'] = process.archivedAt;
      } else remove.push('#archivedAt');
      // Optional texts an admin may take away: set when given, removed when not.
      if (process.plainIntro !== undefined) {
        set.push('#plainIntro = :plainIntro');
        values[':plainIntro'] = process.plainIntro;
      } else remove.push('#plainIntro');
      const outcome = await transact(client, [
        {
          Update: {
            TableName: table,
            Key: keys.process(process.id),
            UpdateExpression: `SET ${set.join(', ')} REMOVE ${remove.join(', ')}`,
            ConditionExpression: 'attribute_exists(pk) AND #expected = :expected',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
        ...auditPuts(table, audit),
      ]);
      if (outcome.ok) return 'updated';
      if (outcome.failed[0]) return 'stale';
      throw new Error(`audit entry ${audit.id} exists`);
    },
  };
}

/**
 * A clone's survey (the item as adapters/dynamodb/surveys.ts keeps it) with its audit entry. Never over
 * an existing survey. The entry's actor item is the process entry's own when the actor is the same, and
 * one transaction may not touch an item twice, so it is written once.
 */
function surveyPuts(table: string, survey: Survey, audit: AuditRecord, processAudit: AuditRecord): TransactItems {
  const sameActor = audit.processId === processAudit.processId && audit.actorId === processAudit.actorId;
  return [
    { Put: { TableName: table, Item: { ...keys.survey(survey.processId), type: 'survey', ...survey }, ConditionExpression: 'attribute_not_exists(pk)' } },
    ...auditPuts(table, audit).filter((put) => !(sameActor && put.Put?.Item?.type === 'auditActor')),
  ];
}

// Items are parsed on the way out, so a stored item that drifted from the contract fails loudly here.
const fromItem = (item: Record<string, unknown>): Process => processSchema.parse(upgrade(item));

/**
 * A process stored before phases were typed (kind `submission`) and before charters, vote rules and
 * retention dates: read as today's shape, so a local data folder from an earlier version still starts.
 * The retention date defaults to a year after the last phase starts.
 */
function upgrade(item: Record<string, unknown>): Record<string, unknown> {
  const phases = (item.phases as Record<string, unknown>[] | undefined)?.map((p) => (p.kind === 'submission' ? { ...p, kind: 'ideas' } : p));
  const settings = (item.settings ?? {}) as Record<string, unknown>;
  const lastStart = phases?.at(-1)?.startsAt;
  const aYearAfter = typeof lastStart === 'string' ? new Date(Date.parse(lastStart) + 365 * 86_400_000).toISOString() : undefined;
  return {
    ...item,
    phases,
    charter: item.charter ?? { tasks: item.description, members: [], meetings: [], outcome: item.summary },
    settings: { votesPerPerson: null, personalDataUntil: aYearAfter, ...settings },
  };
}
