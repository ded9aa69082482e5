/**
 * Table definitions: names, keys, indexes and TTL. Plain data, read by the CDK data stack (AWS) and by
 * the local bootstrap (DynamoDB Local), so both build the same tables. Only the store reads items.
 *
 * One table holds every aggregate (single-table design); `store/keys.ts` is the only place that
 * builds the key strings. The list indexes are sparse: an idea carries `gsiList`/`gsiArea` only
 * while it is public, so hiding an idea takes it out of every public list with no filter.
 */

export type AttributeType = 'S' | 'N';
export interface KeyDef {
  name: string;
  type: AttributeType;
}
export interface IndexDef {
  name: string;
  partitionKey: KeyDef;
  sortKey: KeyDef;
  /**
   * Which attributes the index copies besides the keys; absent: all of them. A short list keeps the
   * index out of the writes that change other attributes (an idea's counters move with every vote).
   */
  include?: readonly string[];
}

/** An index's projection as DynamoDB (and CloudFormation) write it. */
export function indexProjection(index: IndexDef): { ProjectionType: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; NonKeyAttributes?: string[] } {
  if (!index.include) return { ProjectionType: 'ALL' };
  return index.include.length ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.include] } : { ProjectionType: 'KEYS_ONLY' };
}
export interface TableDef {
  /** Logical id; the physical name comes from the environment variable. */
  id: string;
  /** Environment variable that carries the physical table name into a function. */
  envVar: string;
  /** Table name on the local stack (CloudFormation names the tables in AWS). */
  localName: string;
  partitionKey: KeyDef;
  sortKey: KeyDef;
  indexes: IndexDef[];
  ttlAttribute?: string;
  /** The table's change stream and what each record carries (see mainTable). */
  stream?: 'NEW_AND_OLD_IMAGES' | 'NEW_IMAGE';
}

const S = (name: string): KeyDef => ({ name, type: 'S' });
const N = (name: string): KeyDef => ({ name, type: 'N' });

/** The sort orders of idea lists and the attribute each sorts by. */
export const listSortKeys = {
  new: S('createdAt'),
  top: N('voteCount'),
  trending: N('trendScore'),
  comments: N('commentCount'),
} as const;
export type ListSort = keyof typeof listSortKeys;

/** `listTop`, `areaTrending`, …: a public list of a whole process or of one area, by one sort. */
export const listIndexName = (scope: 'list' | 'area', sort: ListSort) =>
  `${scope}${sort[0]!.toUpperCase()}${sort.slice(1)}`;

const listIndexes = (['list', 'area'] as const).flatMap((scope) =>
  (Object.keys(listSortKeys) as ListSort[]).map(
    (sort): IndexDef => ({
      name: listIndexName(scope, sort),
      partitionKey: S(scope === 'list' ? 'gsiList' : 'gsiArea'),
      sortKey: listSortKeys[sort],
    }),
  ),
);

export const mainTable: TableDef = {
  id: 'Main',
  envVar: 'TABLE_MAIN',
  localName: 'deltag-main',
  partitionKey: S('pk'),
  sortKey: S('sk'),
  indexes: [
    ...listIndexes,
    // Everything one user wrote or did, for "my page", the GDPR export and erasure.
    { name: 'byUser', partitionKey: S('gsiUser'), sortKey: S('gsiUserSk') },
    // Moderation queue per process and kind (pending, flagged), oldest first.
    { name: 'queue', partitionKey: S('gsiQueue'), sortKey: S('queuedAt') },
    // Every idea of a process in any status, oldest first (the retention job; the areas in use), and
    // apart, its vote tallies (the retention job). Id, area and effects only: none of them changes
    // after the idea is written, so votes skip the index.
    { name: 'byProcess', partitionKey: S('gsiProcess'), sortKey: S('createdAt'), include: ['id', 'area', 'effects'] },
  ],
  // Rate-limit counters and other short-lived items expire by themselves.
  ttlAttribute: 'expiresAt',
  // Every write reaches the search projector (issue 18, handlers/search-projector.ts). Both images: the
  // old one tells a vote (nothing searchable changed: no write) from an edit without reading the table,
  // and names the process of a deleted idea or comment, whose keys alone do not.
  stream: 'NEW_AND_OLD_IMAGES',
};

export const tables = [mainTable] as const;
