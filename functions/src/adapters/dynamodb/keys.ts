/**
 * The only place that builds key strings. Item layout of the main table:
 *
 * | item      | pk                 | sk              | index attributes                                  |
 * |-----------|--------------------|-----------------|---------------------------------------------------|
 * | process   | PROCESSES          | PROC#<id>       |                                                   |
 * | idea      | IDEA#<ideaId>      | IDEA            | gsiList, gsiArea (public only), gsiUser, gsiQueue, gsiProcess |
 * | profile   | USER#<userId>      | PROFILE         |                                                   |
 * | vote      | IDEA#<ideaId>#V<b> | VOTE#<userId>   | gsiUser (USER#<userId> / VOTE#<ideaId>); b = voteBucket(userId), 0–f |
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
 * | consultation setup | CONSULT#<processId> | SETUP (references, rounds with an invited round's join token and its hash) |
 * | consultation document | CONSULT#<processId> | DOC#<documentId> (title, currentVersion, publishedNos, maxNo) |
 * | document draft | DOC#<processId>#<documentId> | DRAFT                                          |
 * | document version | DOC#<processId>#<documentId> | V#<version:5> (immutable)                    |
 * | round member | CMEMBERS#<processId> | <roundId>#<userId> | gsiUser (CMEMBER#<processId>#<roundId>) |
 * | round invitation | CINVITES#<processId> | <roundId>#<e-mail, lower case> (userId once redeemed) |
 * | consultation response | CRESP#<processId>#<documentId> | P#<paragraphNo:5>#<responseId> | gsiUser (CRESP#<responseId>), gsiQueue (PROC#<processId>#QUEUE#responses) if held |
 * | response → document pointer | CRESPREF#<responseId> | REF (processId, documentId, paragraphNo)                  |
 * | one response per person | CRESP#<processId>#<documentId> | WHO#<roundId>#<paragraphNo:5>#<userId> | gsiUser (CWHO#<responseId>) |
 * | paragraph figures | CRESP#<processId>#<documentId> | FIG#<version:5>#<paragraphNo:5> (ADD counters per round, type, position; comments, answered) |
 * | response flag | CRESP#<processId>#<documentId> | FLAG#<responseId>#<userId> | gsiUser (CFLAG#<responseId>)     |
 * | event     | EVENTS#<processId> | EV#<eventId> (definition; seatsTaken, waitingCount, checkedIn counters; invitation token) |
 * | live round | EVENTS#<processId> | LR#<eventId>#<roundId> (questions, state, code)                      |
 * | sign-up   | EVSIGN#<processId>#<eventId> | S#<signupId> (ULID: sign-up order; state, needs, check-in) | gsiUser (EVSIGN#<processId>#<eventId>) |
 * | one sign-up per person | EVSIGN#<processId>#<eventId> | WHO#<userId> (signupId)                       |
 * | waiting list place | EVSIGN#<processId>#<eventId> | W#<queuedAt ULID> (signupId, userId: first in, first out) |
 * | short code | LIVECODE#<code> | REF (processId, eventId, roundId)                                        |
 * | live answer marker | LIVE#<roundId> | WHO#<questionId>#<tokenHash> (one answer per phone per question) |
 * | live tally | LIVE#<roundId> | T#<questionId> (ADD counters: answers, per option/value/stance, per word)  |
 * | assisted citizen | ASSISTED#<processId> | P#<personId> (name, contact, consent, claim code hashes, claimedBy) |
 * | assisted citizen's profile | USER#assisted-<personId> | PROFILE (as a user's: name and type shown with their ideas) |
 * | claim code | CLAIM#<sha-256 of the code> | REF (processId, personId)                                      |
 * | assisted survey answer link | SURVEY#<processId>#WHO | USER#assisted-<personId> (the marker) with answerId, textIds: a claim by an account that answered itself removes that answer |
 * | recommendation | RECS#<processId> | R#<recommendationId> (title, rationale, effects, ideaIds, status, aiLens, initiative) |
 * | progress update | RECS#<processId> | U#<recommendationId>#<updateId> (ULID: time order)                  |
 * | taken up by    | TAKENUP#<ideaId> | R#<recommendationId> (processId, title, status: the idea page's list) |
 * | annex version  | ANNEX#<processId> | V#<version:5> (frozenAt, by, journal number, sha256, bytes, chunks) |
 * | annex PDF chunk | ANNEX#<processId>#V#<version:5> | C#<index:3> (≤ 350 kB of the PDF's bytes each)        |
 * | follow         | FOLLOWS#<idea|recommendation>#<targetId> | U#<userId> (state on|off, processId, title) | gsiUser (FOLLOW#<target>#<targetId>) |
 * | mail settings  | USER#<userId>     | MAILSETTINGS (digest, alertsOff)                                    |
 * | follow event   | FEED#<processId>  | <eventId> (ULID: time order; kind, target, detail; expiresAt TTL)   |
 * | feed cursor    | FEEDCURSOR        | <processId> (the last event the digest run has fanned out)          |
 * | inbox item     | INBOX#<userId>    | <eventId> (the event, waiting for the user's next digest)           |
 * | digest due     | DIGESTDUE         | <userId> (someone has inbox items)                                 |
 * | mail record    | MAILLOG#<userId>  | <kind>#<period> (claimed/sent: a mail goes once; expiresAt TTL)     |
 * | reminded       | REMINDED#<processId> | <ideaId>#<answerDeadline> (the committee was reminded of it)    |
 * | signing key    | CONFIG            | MAILSIGNINGKEY (the HMAC key of unsubscribe links, made on first use) |
 * | pseudonym key  | CONFIG            | PSEUDONYMKEY (the HMAC key of an erased account's pseudonym in the audit log) |
 * | erased account | ERASED#<sha-256 of the user id> | ERASED (expiresAt TTL: its last tokens are refused writes) |
 * | search document | SEARCH#<processId>#<ideas|comments> | <id> (doc, version; a removal: removed, expiresAt TTL) |
 * | search change  | SEARCHLOG#<processId>#<ideas|comments> | <at ISO>#<id> (id only; expiresAt TTL, 2 days) |
 */
export const keys = {
  processPartition: 'PROCESSES',
  process: (processId: string) => ({ pk: keys.processPartition, sk: `PROC#${processId}` }),
  idea: (ideaId: string) => ({ pk: `IDEA#${ideaId}`, sk: 'IDEA' }),
  profile: (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),
  /** A deleted account's tombstone, by a hash of its id (adapters/dynamodb/erased-accounts.ts). */
  erasedAccount: (userIdHash: string) => ({ pk: `ERASED#${userIdHash}`, sk: 'ERASED' }),

  /**
   * An idea's vote items are spread over VOTE_BUCKETS partitions by a hash of the voter, so a viral idea's
   * votes never meet one partition's 1,000 write units a second (docs/viral-idea.md); "have I voted" stays
   * one key. Readers of all an idea's votes query every bucket (adapters/dynamodb/idea-votes.ts).
   */
  vote: (ideaId: string, userId: string) => ({ pk: keys.voteBucket(ideaId, voteBucketOf(userId)), sk: `VOTE#${userId}` }),
  voteBucket: (ideaId: string, bucket: number) => `IDEA#${ideaId}#V${bucket.toString(16)}`,
  votePartitions: (ideaId: string) => Array.from({ length: VOTE_BUCKETS }, (_, b) => keys.voteBucket(ideaId, b)),
  votePrefix: 'VOTE#',
  /** Where a vote lived before the spread (the local data upgrade moves it: cdk/local/upgrade-votes.ts). */
  unspreadVote: (ideaId: string, userId: string) => ({ pk: `IDEA#${ideaId}`, sk: `VOTE#${userId}` }),
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
  replyPrefix: 'REPLY#',
  /** All replies to the threads whose ids lie between `first` and `last` (inclusive). */
  replyRange: (first: string, last: string) => [`REPLY#${first}#`, `REPLY#${last}#~`] as const,
  commentRef: (commentId: string) => ({ pk: `COMMENT#${commentId}`, sk: 'REF' }),
  userComment: (ideaId: string, commentId: string) => `COMMENT#${ideaId}#${commentId}`,
  userCommentsOn: (ideaId: string) => `COMMENT#${ideaId}#`,
  userCommentPrefix: 'COMMENT#',

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

  // ---- consultation responses (issue 13, the responses side): one partition per document ----
  consultResponses: (processId: string, documentId: string) => `CRESP#${processId}#${documentId}`,
  consultResponse: (r: { processId: string; documentId: string; paragraphNo: number; id: string }) => ({
    pk: keys.consultResponses(r.processId, r.documentId),
    sk: `P#${pad5(r.paragraphNo)}#${r.id}`,
  }),
  /** Every response of the document (by paragraph, then time), or of one paragraph. */
  consultResponsePrefix: (paragraphNo?: number) => (paragraphNo === undefined ? 'P#' : `P#${pad5(paragraphNo)}#`),
  consultResponseRef: (responseId: string) => ({ pk: `CRESPREF#${responseId}`, sk: 'REF' }),
  consultRespondent: (r: { processId: string; documentId: string; roundId: string; paragraphNo: number }, userId: string) => ({
    pk: keys.consultResponses(r.processId, r.documentId),
    sk: `WHO#${r.roundId}#${pad5(r.paragraphNo)}#${userId}`,
  }),
  consultFigures: (processId: string, documentId: string, version: number, paragraphNo: number) => ({
    pk: keys.consultResponses(processId, documentId),
    sk: `FIG#${pad5(version)}#${pad5(paragraphNo)}`,
  }),
  consultFiguresOf: (version: number) => `FIG#${pad5(version)}#`,
  /** Every version's figures items: the document's comment totals are their sum. */
  consultFiguresPrefix: 'FIG#',
  consultFlag: (r: { processId: string; documentId: string }, responseId: string, userId: string) => ({
    pk: keys.consultResponses(r.processId, r.documentId),
    sk: `FLAG#${responseId}#${userId}`,
  }),
  consultFlagsOf: (responseId: string) => `FLAG#${responseId}#`,
  userConsultResponse: (responseId: string) => `CRESP#${responseId}`,
  userConsultResponsePrefix: 'CRESP#',
  userConsultRespondent: (responseId: string) => `CWHO#${responseId}`,
  userConsultFlag: (responseId: string) => `CFLAG#${responseId}`,
  userConsultFlagPrefix: 'CFLAG#',
  /**
   * Held (flagged) responses of a process, oldest first, in the `queue` index apart from the ideas'
   * queue, whose readers know ideas and comments only; moderators list them by state (internalResponses).
   */
  consultResponseQueue: (processId: string) => `PROC#${processId}#QUEUE#responses`,

  // ---- consultation documents and rounds (issue 13, the documents side) ----
  consultation: (processId: string) => `CONSULT#${processId}`,
  consultSetup: (processId: string) => ({ pk: keys.consultation(processId), sk: 'SETUP' }),
  consultDocument: (processId: string, documentId: string) => ({ pk: keys.consultation(processId), sk: `DOC#${documentId}` }),
  consultDocumentPrefix: 'DOC#',
  consultDraft: (processId: string, documentId: string) => ({ pk: `DOC#${processId}#${documentId}`, sk: 'DRAFT' }),
  consultVersion: (processId: string, documentId: string, version: number) => ({ pk: `DOC#${processId}#${documentId}`, sk: `V#${pad5(version)}` }),
  consultVersionPrefix: 'V#',
  /** One partition per process for every round's members, so the retention job deletes them with one Query. */
  roundMembers: (processId: string) => `CMEMBERS#${processId}`,
  roundMember: (processId: string, roundId: string, userId: string) => ({ pk: keys.roundMembers(processId), sk: `${roundId}#${userId}` }),
  roundMemberPrefix: (roundId: string) => `${roundId}#`,
  /** A member in the byUser index, so deleting the account deletes the membership. */
  userRoundMember: (processId: string, roundId: string) => `CMEMBER#${processId}#${roundId}`,
  userRoundMemberPrefix: 'CMEMBER#',
  roundInvitations: (processId: string) => `CINVITES#${processId}`,
  roundInvitation: (processId: string, roundId: string, email: string) => ({ pk: keys.roundInvitations(processId), sk: `${roundId}#${email.toLowerCase()}` }),

  // ---- events, sign-ups and live rounds (issue 14) ----
  events: (processId: string) => `EVENTS#${processId}`,
  event: (processId: string, eventId: string) => ({ pk: keys.events(processId), sk: `EV#${eventId}` }),
  eventPrefix: 'EV#',
  liveRound: (processId: string, eventId: string, roundId: string) => ({ pk: keys.events(processId), sk: `LR#${eventId}#${roundId}` }),
  liveRoundsOf: (eventId: string) => `LR#${eventId}#`,
  /** One partition per event for its sign-ups, so the retention job deletes them with one Query per event. */
  eventSignups: (processId: string, eventId: string) => `EVSIGN#${processId}#${eventId}`,
  signup: (processId: string, eventId: string, signupId: string) => ({ pk: keys.eventSignups(processId, eventId), sk: `S#${signupId}` }),
  signupPrefix: 'S#',
  signupOwner: (processId: string, eventId: string, userId: string) => ({ pk: keys.eventSignups(processId, eventId), sk: `WHO#${userId}` }),
  waitingPlace: (processId: string, eventId: string, queuedAt: string) => ({ pk: keys.eventSignups(processId, eventId), sk: `W#${queuedAt}` }),
  waitingPrefix: 'W#',
  /** A sign-up in the byUser index, so Min side lists it and deleting the account cancels it. */
  userSignup: (processId: string, eventId: string) => `EVSIGN#${processId}#${eventId}`,
  userSignupPrefix: 'EVSIGN#',
  shortCode: (code: string) => ({ pk: `LIVECODE#${code}`, sk: 'REF' }),
  liveAnswers: (roundId: string) => `LIVE#${roundId}`,
  liveAnswerMarker: (roundId: string, questionId: string, tokenHash: string) => ({ pk: keys.liveAnswers(roundId), sk: `WHO#${questionId}#${tokenHash}` }),
  liveAnswerMarkerPrefix: 'WHO#',
  liveTally: (roundId: string, questionId: string) => ({ pk: keys.liveAnswers(roundId), sk: `T#${questionId}` }),
  liveTallyPrefix: 'T#',

  // ---- assisted participation (issue 15) ----
  /** One partition per process for its assisted citizens: the lookup reads it whole, the retention job deletes it. */
  assistedPersons: (processId: string) => `ASSISTED#${processId}`,
  assistedPerson: (processId: string, personId: string) => ({ pk: keys.assistedPersons(processId), sk: `P#${personId}` }),
  assistedPersonPrefix: 'P#',
  claimCode: (codeHash: string) => ({ pk: `CLAIM#${codeHash}`, sk: 'REF' }),

  // ---- recommendations, the register and the frozen annex (issue 16) ----
  recommendations: (processId: string) => `RECS#${processId}`,
  recommendation: (processId: string, recommendationId: string) => ({ pk: keys.recommendations(processId), sk: `R#${recommendationId}` }),
  recommendationPrefix: 'R#',
  progressUpdate: (processId: string, recommendationId: string, updateId: string) => ({ pk: keys.recommendations(processId), sk: `U#${recommendationId}#${updateId}` }),
  progressPrefix: (recommendationId?: string) => (recommendationId ? `U#${recommendationId}#` : 'U#'),
  takenUpPartition: (ideaId: string) => `TAKENUP#${ideaId}`,
  takenUp: (ideaId: string, recommendationId: string) => ({ pk: keys.takenUpPartition(ideaId), sk: `R#${recommendationId}` }),
  annexVersions: (processId: string) => `ANNEX#${processId}`,
  annexVersion: (processId: string, version: number) => ({ pk: keys.annexVersions(processId), sk: `V#${pad5(version)}` }),
  annexVersionPrefix: 'V#',
  annexChunks: (processId: string, version: number) => `ANNEX#${processId}#V#${pad5(version)}`,
  annexChunk: (processId: string, version: number, index: number) => ({ pk: keys.annexChunks(processId, version), sk: `C#${String(index).padStart(3, '0')}` }),

  // ---- following and digests (issue 16) ----
  followers: (target: 'idea' | 'recommendation', targetId: string) => `FOLLOWS#${target}#${targetId}`,
  follow: (target: 'idea' | 'recommendation', targetId: string, userId: string) => ({ pk: keys.followers(target, targetId), sk: `U#${userId}` }),
  userFollow: (target: 'idea' | 'recommendation', targetId: string) => `FOLLOW#${target}#${targetId}`,
  userFollowPrefix: 'FOLLOW#',
  mailSettings: (userId: string) => ({ pk: `USER#${userId}`, sk: 'MAILSETTINGS' }),
  feed: (processId: string) => `FEED#${processId}`,
  feedEvent: (processId: string, eventId: string) => ({ pk: keys.feed(processId), sk: eventId }),
  feedCursor: (processId: string) => ({ pk: 'FEEDCURSOR', sk: processId }),
  inbox: (userId: string) => `INBOX#${userId}`,
  inboxItem: (userId: string, eventId: string) => ({ pk: keys.inbox(userId), sk: eventId }),
  digestDuePartition: 'DIGESTDUE',
  digestDue: (userId: string) => ({ pk: keys.digestDuePartition, sk: userId }),
  mailRecord: (userId: string, kind: string, period: string) => ({ pk: keys.mailRecords(userId), sk: `${kind}#${period}` }),
  reminded: (processId: string, ideaId: string, deadline: string) => ({ pk: `REMINDED#${processId}`, sk: `${ideaId}#${deadline}` }),
  signingKey: { pk: 'CONFIG', sk: 'MAILSIGNINGKEY' },
  pseudonymKey: { pk: 'CONFIG', sk: 'PSEUDONYMKEY' },
  /** A user's own partitions that nothing else points at: gone at once with the account. */
  mailRecords: (userId: string) => `MAILLOG#${userId}`,
  rateCounters: (userId: string) => `RATE#${userId}`,

  // ---- search (issue 18): written by the stream projector alone (adapters/dynamodb/search-docs.ts) ----
  searchDocs: (processId: string, kind: 'ideas' | 'comments') => `SEARCH#${processId}#${kind}`,
  searchDoc: (processId: string, kind: 'ideas' | 'comments', id: string) => ({ pk: keys.searchDocs(processId, kind), sk: id }),
  searchLog: (processId: string, kind: 'ideas' | 'comments') => `SEARCHLOG#${processId}#${kind}`,
  searchLogEntry: (processId: string, kind: 'ideas' | 'comments', at: string, id: string) => ({ pk: keys.searchLog(processId, kind), sk: `${at}#${id}` }),
  /** Both kinds of search partition (IAM LeadingKeys patterns): only the projector writes them. */
  searchPartitionPatterns: ['SEARCH#*', 'SEARCHLOG#*'],

  rateCounter: (userId: string, action: string, windowStart: number) => ({ pk: keys.rateCounters(userId), sk: `${action}#${windowStart}` }),

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

/**
 * 1,000 votes a second on one idea × 2 write units (a transaction writes twice) / 16 = 125 WCU/s per
 * bucket: an eighth of a partition's limit, room for bursts and an uneven hash. Fixed: a reader must
 * know every bucket, so changing it means moving every vote.
 */
export const VOTE_BUCKETS = 16;

/** FNV-1a (32 bit) of the user id: stable across runtimes and versions, spreads ids evenly. */
export function voteBucketOf(userId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) h = Math.imul(h ^ userId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % VOTE_BUCKETS;
}

/** Numbers in sort keys, zero-padded so they sort as numbers (paragraph and version numbers stay far below 100 000). */
function pad5(n: number): string {
  return String(n).padStart(5, '0');
}
