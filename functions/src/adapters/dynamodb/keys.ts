/**
 * The only place that builds key strings. Item layout of the main table:
 *
 * | item      | pk                 | sk              | index attributes                                  |
 * |-----------|--------------------|-----------------|---------------------------------------------------|
 * | process   | PROCESSES          | PROC#<id>       |                                                   |
 * | idea      | IDEA#<ideaId>      | IDEA            | gsiList, gsiArea (public only), gsiUser, gsiQueue, gsiProcess |
 * | profile   | USER#<userId>      | PROFILE         |                                                   |
 * | vote      | IDEA#<ideaId>      | VOTE#<userId>   | gsiUser (USER#<userId> / VOTE#<ideaId>)           |
 * | vote tally | USER#<userId>     | TALLY#<processId> | n: the user's standing votes in the process (vote rule); gsiProcess |
 * | comment   | IDEA#<ideaId>      | COMMENT#<id>    | gsiUser (COMMENT#<ideaId>#<id>), gsiQueue if held |
 * | reply     | IDEA#<ideaId>      | REPLY#<parentId>#<id>  (sorts right after the thread's other replies) |
 * | comment → idea pointer | COMMENT#<id> | REF    |                                                   |
 * | flag      | IDEA#<ideaId>      | FLAG#<target>#<userId> (target: IDEA or COMMENT#<id>) | gsiUser |
 * | rate counter | RATE#<userId>   | <action>#<windowStart> | expiresAt (TTL)                           |
 * | audit entry  | AUDIT#<processId> | <auditId> (ULID: time order)  and a copy under AUDIT#T#<targetId>   |
 * | audit author | AUDITACTOR#<processId> | <userId> (who has written to the process's log, latest name)  |
 * | survey    | SURVEY#<processId> | DEF             |                                                   |
 * | survey marker | SURVEY#<processId>#WHO | USER#<userId> or TOKEN#<hash> (no answer id, no time) | gsiUser (signed in: SURVEY#<processId>) |
 * | survey answer | SURVEY#<processId>#ANSWERS | <random id> (day and non-text answers; no user)   |
 * | survey text | SURVEY#<processId>#TEXTS | <day>_<random id> (answer id, question, text, review state) |
 */
export const keys = {
  processPartition: 'PROCESSES',
  process: (processId: string) => ({ pk: keys.processPartition, sk: `PROC#${processId}` }),
  idea: (ideaId: string) => ({ pk: `IDEA#${ideaId}`, sk: 'IDEA' }),
  profile: (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),

  vote: (ideaId: string, userId: string) => ({ pk: `IDEA#${ideaId}`, sk: `VOTE#${userId}` }),
  userVote: (ideaId: string) => `VOTE#${ideaId}`,
  userVotePrefix: 'VOTE#',
  /** How many votes a user has standing in a process, moved in the vote's own transaction. */
  voteTally: (userId: string, processId: string) => ({ pk: `USER#${userId}`, sk: `TALLY#${processId}` }),
  voteTallyPrefix: 'TALLY#',

  comment: (ideaId: string, commentId: string, parentId?: string) => ({
    pk: `IDEA#${ideaId}`,
    sk: parentId ? `REPLY#${parentId}#${commentId}` : `COMMENT#${commentId}`,
  }),
  commentPrefix: 'COMMENT#',
  /** All replies to the threads whose ids lie between `first` and `last` (inclusive). */
  replyRange: (first: string, last: string) => [`REPLY#${first}#`, `REPLY#${last}#~`] as const,
  commentRef: (commentId: string) => ({ pk: `COMMENT#${commentId}`, sk: 'REF' }),
  userComment: (ideaId: string, commentId: string) => `COMMENT#${ideaId}#${commentId}`,
  userCommentsOn: (ideaId: string) => `COMMENT#${ideaId}#`,

  flag: (ideaId: string, target: { commentId?: string }, userId: string) => ({
    pk: `IDEA#${ideaId}`,
    sk: `FLAG#${target.commentId ? `COMMENT#${target.commentId}` : 'IDEA'}#${userId}`,
  }),
  userFlag: (ideaId: string, commentId?: string) => `FLAG#${ideaId}${commentId ? `#${commentId}` : ''}`,

  audit: (processId: string, auditId: string) => ({ pk: `AUDIT#${processId}`, sk: auditId }),
  auditOfTarget: (targetId: string, auditId: string) => ({ pk: `AUDIT#T#${targetId}`, sk: auditId }),
  auditPartition: (processId: string) => `AUDIT#${processId}`,
  auditTargetPartition: (targetId: string) => `AUDIT#T#${targetId}`,
  auditActor: (processId: string, userId: string) => ({ pk: `AUDITACTOR#${processId}`, sk: userId }),
  auditActorPartition: (processId: string) => `AUDITACTOR#${processId}`,

  survey: (processId: string) => ({ pk: `SURVEY#${processId}`, sk: 'DEF' }),
  surveyRespondents: (processId: string) => `SURVEY#${processId}#WHO`,
  surveyRespondent: (r: { userId: string } | { tokenHash: string }) => ('userId' in r ? `USER#${r.userId}` : `TOKEN#${r.tokenHash}`),
  /** A signed-in respondent's marker in the byUser index, so deleting the account deletes it too. */
  userSurveyMarker: (processId: string) => `SURVEY#${processId}`,
  userSurveyMarkerPrefix: 'SURVEY#',
  surveyAnswers: (processId: string) => `SURVEY#${processId}#ANSWERS`,
  surveyTexts: (processId: string) => `SURVEY#${processId}#TEXTS`,

  rateCounter: (userId: string, action: string, windowStart: number) => ({ pk: `RATE#${userId}`, sk: `${action}#${windowStart}` }),

  /** Partition of a process's public-list indexes (listNew, listTop, …). */
  processList: (processId: string) => `PROC#${processId}`,
  /** Partition of the byProcess index: every idea of the process, whatever its status. */
  processIdeas: (processId: string) => `PROC#${processId}`,
  /** Partition of the byProcess index holding the process's vote tallies (for the retention job). */
  processTallies: (processId: string) => `TALLY#${processId}`,
  /** Partition of the per-area list indexes (areaNew, areaTop, …). */
  areaList: (processId: string, area: string) => `PROC#${processId}#AREA#${area}`,
  /** Everything a user wrote: the byUser index. */
  userItems: (userId: string) => `USER#${userId}`,
  userIdea: (ideaId: string) => `IDEA#${ideaId}`,
  /** Moderation queue of a process by kind, oldest first. */
  queue: (processId: string, kind: 'pending' | 'flagged') => `PROC#${processId}#QUEUE#${kind}`,
} as const;
