/**
 * The only place that builds key strings. Item layout of the main table:
 *
 * | item      | pk                 | sk              | index attributes                                  |
 * |-----------|--------------------|-----------------|---------------------------------------------------|
 * | process   | PROCESSES          | PROC#<id>       |                                                   |
 * | idea      | IDEA#<ideaId>      | IDEA            | gsiList, gsiArea (public only), gsiUser, gsiQueue |
 * | profile   | USER#<userId>      | PROFILE         |                                                   |
 */
export const keys = {
  processPartition: 'PROCESSES',
  process: (processId: string) => ({ pk: keys.processPartition, sk: `PROC#${processId}` }),
  idea: (ideaId: string) => ({ pk: `IDEA#${ideaId}`, sk: 'IDEA' }),
  profile: (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),

  /** Partition of a process's public-list indexes (listNew, listTop, …). */
  processList: (processId: string) => `PROC#${processId}`,
  /** Partition of the per-area list indexes (areaNew, areaTop, …). */
  areaList: (processId: string, area: string) => `PROC#${processId}#AREA#${area}`,
  /** Everything a user wrote: the byUser index. */
  userItems: (userId: string) => `USER#${userId}`,
  userIdea: (ideaId: string) => `IDEA#${ideaId}`,
  /** Moderation queue of a process by kind, oldest first. */
  queue: (processId: string, kind: 'pending' | 'flagged') => `PROC#${processId}#QUEUE#${kind}`,
} as const;
