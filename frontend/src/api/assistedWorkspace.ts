import type { AssistedChannel } from '#shared/rules/assisted';
import type { AssistedAnswer, AssistedComment, AssistedIdea, AssistedPersonCreateInput } from '#shared/schemas/assisted';
import { call, type CallOutput } from './client';
import './module-routes';

/**
 * The assistant's calls (Borgerservice acting for a citizen; the `assistant` role only). The API
 * enforces the role on every route; the SPA only decides what to show.
 */
export type AssistedPersonView = CallOutput<'assistedPerson'>;
export type AssistedPersonRow = CallOutput<'assistedPersons'>['items'][number];

const person = (processId: string, personId: string) => ({ processId, personId });

export const lookupPersons = (processId: string, q: string, signal?: AbortSignal) => call('assistedPersons', { params: { processId }, query: { q }, signal });
export const createPerson = (processId: string, body: AssistedPersonCreateInput) => call('createAssistedPerson', { params: { processId }, body });
export const fetchPerson = (processId: string, personId: string, signal?: AbortSignal) => call('assistedPerson', { params: person(processId, personId), signal });

export const ideaFor = (processId: string, personId: string, body: AssistedIdea) => call('assistedIdea', { params: person(processId, personId), body });
export const voteFor = (processId: string, personId: string, ideaId: string, on: boolean, channel: AssistedChannel) =>
  call(on ? 'assistedVote' : 'assistedUnvote', { params: { ...person(processId, personId), ideaId }, body: { channel } });
export const commentFor = (processId: string, personId: string, body: AssistedComment) => call('assistedComment', { params: person(processId, personId), body });
export const answerFor = (processId: string, personId: string, body: AssistedAnswer) => call('assistedSurveyAnswer', { params: person(processId, personId), body });
export const receiptFor = (processId: string, personId: string, channel: AssistedChannel) =>
  call('assistedReceipt', { params: person(processId, personId), body: { channel } });
export const exportPerson = (processId: string, personId: string) => call('exportAssistedPerson', { params: person(processId, personId) });
export const erasePerson = (processId: string, personId: string) => call('eraseAssistedPerson', { params: person(processId, personId) });
