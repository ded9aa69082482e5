import { expect } from 'vitest';
import { ulid } from 'ulid';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { eventStore } from '#functions/adapters/dynamodb/events';
import { signupStore } from '#functions/adapters/dynamodb/event-signups';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import type { EventRecord, SignupRecord } from '#functions/domain/events/ports';
import type { TestStack } from './stack';

export const HOUR = 60 * 60 * 1000;

/**
 * Events and sign-ups written with the module's own stores (as the seed does), for the tests of the
 * services around the events (origin, reminders, retention, data download): their subject is not the
 * organisers' forms.
 */
export function eventRecords(stack: TestStack) {
  const db = createDocumentClient(stack.info.dynamodbEndpoint);
  const events = eventStore(db, mainTable.localName);
  const signups = signupStore(db, mainTable.localName);
  return {
    db,
    events,
    signups,
    /** An event of `processId` starting `startsInMs` from now (negative: it has begun), two hours long. */
    async event(processId: string, id: string, startsInMs: number, overrides: Partial<EventRecord> = {}): Promise<EventRecord> {
      const now = new Date();
      const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
      const record: EventRecord = {
        id, processId, type: 'theme-day', title: { da: `Temadag ${id}`, en: `Theme day ${id}` }, description: { da: 'En dag om AI i kommunen.' },
        place: { address: 'Bernstorffsvej 161, 2920 Charlottenlund', room: 'Byrådssalen' }, startsAt: at(startsInMs), endsAt: at(startsInMs + 2 * HOUR),
        audience: 'everyone', capacity: 40, accessFeatures: ['step-free', 'hearing-loop'], accessNote: { da: 'Indgang fra parkeringspladsen uden trin.' },
        published: true, seatsTaken: 0, waitingCount: 0, checkedIn: 0, createdAt: now.toISOString(), updatedAt: now.toISOString(), ...overrides,
      };
      const outcome = await events.create(record, {
        id: ulid(), processId, at: now.toISOString(), actorId: 'test-admin', actorName: 'Admin', action: 'event-create', targetKind: 'event', targetId: id,
      });
      expect(outcome).toBe('created');
      return record;
    },
    /** Signs `user` up for the event (a seat while there are seats, then the waiting list). */
    async signUp(event: EventRecord, user: { userId: string; email: string }, name: string, needs: Partial<SignupRecord> = {}) {
      const result = await signups.signUp(
        { id: ulid(), processId: event.processId, eventId: event.id, userId: user.userId, name, email: user.email, participantType: 'citizen', signedUpAt: new Date().toISOString(), diet: [], ...needs },
        event.capacity,
      );
      expect(result.outcome).not.toBe('exists');
      return result;
    },
  };
}
