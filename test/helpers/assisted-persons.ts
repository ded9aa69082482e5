import { expect } from 'vitest';
import type { TestStack } from './stack';

/** Helpers for the assisted-participation tests: a process with ideas and a survey open, and citizens registered by an assistant. */

const DAY = 24 * 60 * 60 * 1000;
export const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
type User = Awaited<ReturnType<TestStack['user']>>;

/** A survey of two questions, one of them free text. */
export const surveyDefinition = {
  title: { da: 'Holdninger til AI' },
  intro: { da: 'Fortæl os, hvad du mener.' },
  anonymous: false,
  sections: [
    {
      id: 'tillid',
      title: { da: 'Tillid' },
      questions: [
        { id: 'stol', kind: 'likert', text: { da: 'Jeg stoler på AI' }, required: true, lowLabel: { da: 'Uenig' }, highLabel: { da: 'Enig' } },
        { id: 'hvorfor', kind: 'long-text', text: { da: 'Hvorfor?' }, maxLength: 500 },
      ],
    },
  ],
};

/**
 * A process whose ideas phase and survey phase are open now (an admin creates it, a moderator writes
 * its survey); `settings` overrides the process's settings (a vote rule, pre-moderation).
 */
export async function assistedProcess(stack: TestStack, id: string, admin: User, moderator: User, settings: Record<string, unknown> = {}) {
  const { aDefinition } = await import('../fixtures/process-definitions');
  const definition = aDefinition(id);
  const r = await stack.api('/processes', {
    method: 'POST',
    token: admin.token,
    body: {
      ...definition,
      phases: [
        { kind: 'ideas', title: { da: 'Idéer' }, startsAt: at(-1), endsAt: at(29) },
        { kind: 'survey', title: { da: 'Spørgeskema' }, startsAt: at(-1), endsAt: at(29) },
        { kind: 'closed', title: { da: 'Afsluttet' }, startsAt: at(90) },
      ],
      settings: { ...definition.settings, ...settings },
    },
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  const s = await stack.api(`/processes/${id}/survey`, { method: 'PUT', token: moderator.token, body: surveyDefinition });
  expect(s.status, JSON.stringify(s.json)).toBe(200);
}

/** An idea in the process's own areas and effects. */
export const anIdea = (title = 'Borgerservice kan bruge AI til at svare hurtigere') => ({
  title,
  body: 'Mange ringer med de samme spørgsmål. En AI kunne finde svaret, mens borgeren venter i telefonen.',
  area: 'skole',
  effects: ['kvalitet'],
  beneficiaries: ['citizens'],
});

/** Registers a citizen through the API and returns their id. */
export async function register(stack: TestStack, processId: string, assistant: User, person: Record<string, unknown> = {}): Promise<string> {
  const r = await stack.api(`/processes/${processId}/assisted/persons`, {
    method: 'POST',
    token: assistant.token,
    body: { name: 'Jens Hansen', channel: 'assisted-in-person', consent: true, ...person },
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json.id as string;
}
