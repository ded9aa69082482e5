import { expect } from 'vitest';
import { aDefinition } from '../fixtures/process-definitions';
import type { TestStack } from './stack';

/** Helpers for the events module's integration tests: a process with an open event phase and an event in it. */

const DAY = 24 * 60 * 60 * 1000;
export const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/** A process whose `event` phase is open now (sign-up allowed), created by the admin. */
export async function eventProcess(stack: TestStack, adminToken: string, id: string, phases: unknown[] = [{ kind: 'event', title: { da: 'Temadag' }, startsAt: inDays(-1), endsAt: inDays(30) }]) {
  const r = await stack.api('/processes', { method: 'POST', token: adminToken, body: aDefinition(id, { phases: phases as never }) });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
}

export const anEvent = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  type: 'theme-day',
  title: { da: `AI-festival ${id}`, en: `AI festival ${id}` },
  description: { da: 'En dag om kunstig intelligens i hverdagen.' },
  place: { address: 'Bernstorffsvej 161, 2920 Charlottenlund', room: 'Byrådssalen' },
  startsAt: inDays(10),
  endsAt: new Date(Date.parse(inDays(10)) + 4 * 3600_000).toISOString(),
  audience: 'everyone',
  capacity: 40,
  accessFeatures: ['step-free', 'hearing-loop'],
  published: true,
  ...overrides,
});

/** Creates the event and returns the admin view. */
export async function createEvent(stack: TestStack, adminToken: string, processId: string, body: Record<string, unknown>) {
  const r = await stack.api(`/processes/${processId}/events`, { method: 'POST', token: adminToken, body });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json;
}

/** The PATCH body: the whole definition again from the admin view, with changes. */
export function updateBody(current: Record<string, any>, changes: Record<string, unknown> = {}) {
  const { id: _i, processId: _p, seatsTaken: _s, waitingCount: _w, checkedIn: _c, createdAt: _cr, updatedAt, invitationToken: _t, reminderSentAt: _r, cancelledAt: _ca, ...definition } = current;
  return { ...definition, expectedUpdatedAt: updatedAt, ...changes };
}
