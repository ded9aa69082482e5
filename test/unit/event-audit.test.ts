import { describe, expect, it } from 'vitest';
import { eventChanges } from '#functions/domain/events/event-audit';
import type { EventRecord } from '#functions/domain/events/ports';

const event: EventRecord = {
  id: 'e',
  processId: 'p',
  type: 'workshop',
  title: { da: 'Workshop' },
  description: { da: 'Om AI.' },
  place: { address: 'Bernstorffsvej 161' },
  startsAt: '2027-01-10T09:00:00.000Z',
  endsAt: '2027-01-10T12:00:00.000Z',
  audience: 'invited',
  capacity: 20,
  accessFeatures: [],
  published: false,
  seatsTaken: 3,
  waitingCount: 0,
  checkedIn: 0,
  invitationToken: 'hemmelig-token-der-ikke-maa-logges',
  invitationTokenHash: 'abc',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

describe('the audit entry of an event change', () => {
  it('names the changed fields with before and after, nothing else', () => {
    const after: EventRecord = { ...event, capacity: 30, published: true, onlineUrl: 'https://teams.example/m', updatedAt: '2026-12-02T00:00:00.000Z', seatsTaken: 4 };
    expect(eventChanges(event, after)).toEqual([
      { field: 'onlineUrl', after: 'https://teams.example/m' },
      { field: 'capacity', before: 20, after: 30 },
      { field: 'published', before: false, after: true },
    ]);
  });

  it('lists every field of a new event and never the invitation token', () => {
    const changes = eventChanges(undefined, event);
    expect(changes.map((c) => c.field)).toEqual(['type', 'title', 'description', 'place', 'startsAt', 'endsAt', 'audience', 'capacity', 'accessFeatures', 'published']);
    expect(JSON.stringify(changes)).not.toContain('hemmelig');
    expect(JSON.stringify(eventChanges(event, { ...event, invitationToken: 'ny-hemmelig', invitationTokenHash: 'def' }))).toBe('[]');
  });
});
