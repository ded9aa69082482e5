import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { commentStore } from '#functions/adapters/dynamodb/comments';
import { ideaStore } from '#functions/adapters/dynamodb/ideas';
import { keys } from '#functions/adapters/dynamodb/keys';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { profileStore } from '#functions/adapters/dynamodb/profiles';
import { surveyStore } from '#functions/adapters/dynamodb/surveys';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { voteStore } from '#functions/adapters/dynamodb/votes';
import { claimCodeHash, newClaimCode } from '#functions/domain/assisted/claim-codes';
import type { AssistedPersonRecord } from '#functions/domain/assisted/ports';
import { createComment } from '#functions/domain/comments';
import { createIdea } from '#functions/domain/ideas';
import { systemClock } from '#functions/domain/ports';
import { answerSurvey } from '#functions/domain/survey/answer';
import { vote } from '#functions/domain/votes';
import type { Actor } from '#functions/lib/auth';
import { assistedUserId, CONSENT_VERSION, formatClaimCode, type AssistedChannel } from '#shared/rules/assisted';
import type { AnswerValue } from '#shared/rules/survey';
import { commentCreateSchema } from '#shared/schemas/comment';
import { ideaCreateSchema, type IdeaCreateInput } from '#shared/schemas/idea';
import { surveyAnswerSchema } from '#shared/schemas/survey';
import { validIdea } from '../fixtures/ideas';
import type { TestStack } from './stack';

/**
 * Assisted citizens for the claim and retention tests, written with the same key builders and acting
 * through the same use cases the assisted routes call (an actor whose userId is the citizen's
 * identity, with the assistant's channel), against the test stack's DynamoDB Local. The person
 * item, the citizen's profile and the claim-code pointer are what the assistant's registration writes.
 */
export interface TestPerson {
  record: AssistedPersonRecord;
  /** The claim code as printed on a receipt (`7K3M-Q9PX-2DRT`). */
  code: string;
  actor: Actor;
}

export function assistedPeople(stack: TestStack) {
  const db = createDocumentClient(stack.info.dynamodbEndpoint);
  const table = mainTable.localName;
  const deps = {
    processes: processStore(db, table),
    ideas: ideaStore(db, table),
    profiles: profileStore(db, table),
    comments: commentStore(db, table),
    votes: voteStore(db, table),
    surveys: surveyStore(db, table),
    clock: systemClock,
    newId: (now: Date) => ulid(now.getTime()),
    randomId: () => crypto.randomUUID(),
  };

  return {
    db,
    async person(processId: string, name: string, channel: AssistedChannel = 'assisted-in-person'): Promise<TestPerson> {
      const id = ulid();
      const userId = assistedUserId(id);
      const now = new Date().toISOString();
      const code = newClaimCode();
      const hash = claimCodeHash(code)!;
      const record: AssistedPersonRecord = {
        id,
        processId,
        userId,
        name,
        email: `${id.toLowerCase()}@example.dk`,
        phone: '39 98 00 00',
        participantType: 'citizen',
        consent: { at: now, version: CONSENT_VERSION, assistantId: 'test-assistant', assistantName: 'Birthe Borgerservice', channel },
        claimCodeHashes: [hash],
        createdAt: now,
        createdBy: 'test-assistant',
      };
      await db.send(new PutCommand({ TableName: table, Item: { ...keys.assistedPerson(processId, id), type: 'assistedPerson', ...record } }));
      await deps.profiles.put({ userId, displayName: name, participantType: 'citizen', createdAt: now, updatedAt: now });
      await db.send(new PutCommand({ TableName: table, Item: { ...keys.claimCode(hash), type: 'claimCode', processId, personId: id } }));
      const actor: Actor = { userId, roles: [], assisted: { assistantId: 'test-assistant', assistantName: 'Birthe Borgerservice', channel } };
      return { record, code: formatClaimCode(code), actor };
    },
    idea: (p: TestPerson, overrides: Partial<IdeaCreateInput> = {}) => createIdea(deps, p.actor, p.record.processId, ideaCreateSchema.parse(validIdea(overrides))),
    vote: (p: TestPerson, ideaId: string) => vote(deps, p.actor, ideaId),
    comment: (p: TestPerson, ideaId: string, body: string) => createComment(deps, p.actor, ideaId, commentCreateSchema.parse({ body })),
    answer: (p: TestPerson, answers: Record<string, AnswerValue>) =>
      answerSurvey(deps, p.record.processId, { userId: p.actor.userId, channel: p.actor.assisted!.channel }, surveyAnswerSchema.parse({ answers }), new Date()),
  };
}
