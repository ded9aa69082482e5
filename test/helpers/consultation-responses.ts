import { expect } from 'vitest';
import { aDefinition } from '../fixtures/process-definitions';
import type { User } from './participation';
import type { TestStack } from './stack';

/**
 * A process with a consultation for the responses tests, made through the API as an admin would:
 * a consultation phase open now, an invited round (the follow-group) and a public round open now, a
 * public round that opens in a week, one that closed yesterday and an invited round that opens in a week, and a published document of three paragraphs.
 */

const DAY = 24 * 60 * 60 * 1000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
export const DOCUMENT = 'etik';

export const responseRounds = [
  { id: 'foelgegruppe', kind: 'invited', title: { da: 'Følgegruppen' }, startsAt: at(-1), endsAt: at(10) },
  { id: 'offentlig', kind: 'public', title: { da: 'Offentlig høring' }, startsAt: at(-1), endsAt: at(10) },
  { id: 'senere', kind: 'public', title: { da: 'Senere runde' }, startsAt: at(7), endsAt: at(14) },
  { id: 'forbi', kind: 'public', title: { da: 'Afsluttet runde' }, startsAt: at(-10), endsAt: at(-1) },
  { id: 'foelgegruppe-2', kind: 'invited', title: { da: 'Følgegruppen igen' }, startsAt: at(7), endsAt: at(14) },
];

export const responseBlocks = [
  { kind: 'heading', text: { da: 'Etiske retningslinjer' } },
  { kind: 'paragraph', no: 1, text: { da: 'Et menneske træffer altid afgørelsen.' } },
  { kind: 'paragraph', no: 2, text: { da: 'Vi fortæller, når AI er brugt.' } },
  { kind: 'paragraph', no: 3, text: { da: 'Data bruges kun til det formål, de er givet til.' } },
];

const ok = (r: { status: number; json: unknown }, status: number) => expect(r.status, JSON.stringify(r.json)).toBe(status);

/** Creates the process, its setup and the published document; returns the invited round's join token. */
export async function respondableProcess(stack: TestStack, admin: User, processId: string): Promise<{ joinToken: string }> {
  const phases = [{ kind: 'consultation', title: { da: 'Høring' }, startsAt: at(-1), endsAt: at(30) }];
  ok(await stack.api('/processes', { method: 'POST', token: admin.token, body: aDefinition(processId, { phases: phases as never }) }), 201);
  const setup = await stack.api(`/processes/${processId}/consultation`, { method: 'PUT', token: admin.token, body: { rounds: responseRounds } });
  ok(setup, 200);
  const D = `/processes/${processId}/documents`;
  const created = await stack.api(D, { method: 'POST', token: admin.token, body: { id: DOCUMENT, title: { da: 'Etiske retningslinjer' } } });
  ok(created, 201);
  const draft = await stack.api(`${D}/${DOCUMENT}/draft`, {
    method: 'PUT',
    token: admin.token,
    body: { title: { da: 'Etiske retningslinjer' }, blocks: responseBlocks, expectedUpdatedAt: created.json.updatedAt },
  });
  ok(draft, 200);
  ok(await stack.api(`${D}/${DOCUMENT}/versions`, { method: 'POST', token: admin.token, body: { note: { da: 'Første udkast' }, expectedUpdatedAt: draft.json.updatedAt } }), 201);
  const joinToken = setup.json.rounds.find((r: { id: string }) => r.id === 'foelgegruppe').inviteToken as string;
  return { joinToken };
}

/** The person joins the follow-group by its link. */
export async function joinFollowGroup(stack: TestStack, processId: string, user: User, token: string) {
  ok(await stack.api(`/processes/${processId}/consultation/rounds/foelgegruppe/join`, { method: 'POST', token: user.token, body: { token } }), 200);
}

/** POST a response; the round defaults to the public one. */
export const respond = (stack: TestStack, processId: string, user: User, body: { paragraphNo: number; position: string; comment?: string; roundId?: string }) =>
  stack.api(`/processes/${processId}/documents/${DOCUMENT}/responses`, { method: 'POST', token: user.token, body: { roundId: 'offentlig', ...body } });
