import type { FlagCreate } from '#shared/schemas/flag';
import type { ResponseCreate, ResponseUpdate } from '#shared/schemas/consultation';
import { call } from './client';
import './module-routes';

/** The public side of a process's consultation: documents, versions, the diff, responses per paragraph, rounds and one's own input. */

export const fetchDocuments = (processId: string, signal?: AbortSignal) => call('listDocuments', { params: { processId }, signal });
export const fetchDocument = (processId: string, documentId: string, version?: number, signal?: AbortSignal) =>
  call('getDocument', { params: { processId, documentId }, query: version ? { version } : {}, signal });
export const fetchDiff = (processId: string, documentId: string, from: number, to: number, signal?: AbortSignal) =>
  call('documentDiff', { params: { processId, documentId }, query: { from, to }, signal });
export const fetchResponses = (processId: string, documentId: string, paragraph: number, cursor: string | undefined, signal?: AbortSignal) =>
  call('listResponses', { params: { processId, documentId }, query: { paragraph, limit: 20, ...(cursor ? { cursor } : {}) }, signal });
export const createResponse = (processId: string, documentId: string, body: ResponseCreate) => call('createResponse', { params: { processId, documentId }, body });
export const updateResponse = (responseId: string, body: ResponseUpdate) => call('updateResponse', { params: { responseId }, body });
export const deleteResponse = (responseId: string) => call('deleteResponse', { params: { responseId } });
export const flagResponse = (responseId: string, body: FlagCreate) => call('flagResponse', { params: { responseId }, body });
export const fetchMyRounds = (processId: string, signal?: AbortSignal) => call('myRounds', { params: { processId }, signal });
export const joinRound = (processId: string, roundId: string, token: string) => call('joinRound', { params: { processId, roundId }, body: { token } });
export const fetchMyResponses = (cursor: string | undefined, signal?: AbortSignal) => call('myResponses', { query: cursor ? { cursor } : {}, signal });
