// use case --> (secondary adapter) --> DynamoDB
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AnnexVersionStore } from '../../domain/export/annex-versions';
import type { AnnexVersionRecord } from '../../domain/ports';
import { auditPuts } from './audit';
import { keys } from './keys';
import { queryAll } from './query';
import { transact, type TransactItems } from './transactions';

/**
 * The frozen annex's versions:
 * - the meta of each version under ANNEX#<processId> / V#<version:5>, so a Query newest first lists
 *   them and the first item of it is the highest number;
 * - the PDF in chunks of at most CHUNK_BYTES (Binary attributes) under ANNEX#<processId>#V#<version:5>
 *   / C#<index:3>: an item holds at most 400 kB, a PDF up to 3 MB.
 * Meta, chunks and the audit entry go in one transaction whose every put is conditional on the item
 * not existing: a version is written whole or not at all, and a number taken by another freeze is
 * never overwritten. Nothing updates or deletes a version afterwards.
 */

/** Bytes per chunk: under DynamoDB's 400 kB item limit with room for the keys. */
export const CHUNK_BYTES = 350_000;

const notThere = 'attribute_not_exists(pk)';

export function annexVersionStore(client: DynamoDBDocumentClient, table: string): AnnexVersionStore {
  return {
    async latest(processId) {
      const page = await client.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
          ExpressionAttributeValues: { ':pk': keys.annexVersions(processId), ':v': keys.annexVersionPrefix },
          ScanIndexForward: false,
          Limit: 1,
          ConsistentRead: true,
        }),
      );
      const top = page.Items?.[0];
      return top ? Number(top.version) : 0;
    },

    async save(record, pdf, audit) {
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < pdf.byteLength; at += CHUNK_BYTES) chunks.push(pdf.subarray(at, at + CHUNK_BYTES));
      const items: TransactItems = [
        { Put: { TableName: table, Item: { ...keys.annexVersion(record.processId, record.version), type: 'annexVersion', ...record, chunks: chunks.length }, ConditionExpression: notThere } },
        ...chunks.map((data, index) => ({
          Put: { TableName: table, Item: { ...keys.annexChunk(record.processId, record.version, index), type: 'annexChunk', data }, ConditionExpression: notThere },
        })),
        ...auditPuts(table, audit),
      ];
      const outcome = await transact(client, items);
      if (outcome.ok) return 'saved';
      // The meta or a chunk of this number exists: another freeze took the number first.
      if (outcome.failed.slice(0, chunks.length + 1).some(Boolean)) return 'taken';
      throw new Error(`annex ${record.processId} v${record.version}: the audit entry's condition failed`);
    },

    async list(processId) {
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
        ExpressionAttributeValues: { ':pk': keys.annexVersions(processId), ':v': keys.annexVersionPrefix },
        ScanIndexForward: false,
      });
      return items.map(toRecord);
    },

    async get(processId, version) {
      const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.annexVersion(processId, version) }));
      return Item ? toRecord(Item) : undefined;
    },

    async pdf(record) {
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)',
        ExpressionAttributeValues: { ':pk': keys.annexChunks(record.processId, record.version), ':c': 'C#' },
      });
      // Sort keys are zero-padded, so the Query reads the chunks in order.
      return Buffer.concat(items.map((item) => item.data as Uint8Array));
    },
  };
}

function toRecord(item: Record<string, unknown>): AnnexVersionRecord {
  const r = item as unknown as AnnexVersionRecord;
  return {
    processId: r.processId,
    version: Number(r.version),
    frozenAt: r.frozenAt,
    frozenBy: r.frozenBy,
    frozenByName: r.frozenByName,
    journalNumber: r.journalNumber,
    sha256: r.sha256,
    bytes: Number(r.bytes),
    filename: r.filename,
    top: Number(r.top),
    ...(r.area ? { area: r.area } : {}),
  };
}
