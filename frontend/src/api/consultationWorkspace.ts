import type { AnswerSave, ConsultationSetupSave, DocumentCreate, DocumentExport, DraftSave, VersionPublish } from '#shared/schemas/consultation';
import type { CommentModeration } from '#shared/schemas/moderation';
import { accessToken, refreshAccess } from '../modules/session';
import { API_BASE, call, type ApiPath, type CallOutput } from './client';
import { apiErrorOf, filenameOf, type DownloadedFile } from './workspace';
import './module-routes';

/**
 * The workspace's consultation calls (secretariat, admins, moderators, committee): the setup with
 * its rounds and reference list, documents and their drafts, publishing a version, every comment with
 * the committee's answers and moderation, and the export. The API enforces each route's roles; the
 * SPA only decides what to show.
 */
export type ConsultationSetup = CallOutput<'getConsultationSetup'>;
export type DocumentSummary = CallOutput<'workspaceDocuments'>['items'][number];
export type Draft = CallOutput<'getDraft'>;
export type DocumentView = CallOutput<'getDocument'>;
export type ResponseItem = CallOutput<'internalResponses'>['items'][number];
export type ResponsePage = CallOutput<'internalResponses'>;

export const RESPONSE_PAGE = 50;

export const fetchSetup = (processId: string, signal?: AbortSignal) => call('getConsultationSetup', { params: { processId }, signal });
export const saveSetup = (processId: string, body: ConsultationSetupSave) => call('saveConsultationSetup', { params: { processId }, body });
export const inviteRound = (processId: string, roundId: string, emails: string[]) => call('inviteRound', { params: { processId, roundId }, body: { emails } });

export const fetchDocuments = (processId: string, signal?: AbortSignal) => call('workspaceDocuments', { params: { processId }, signal });
export const createDocument = (processId: string, body: DocumentCreate) => call('createDocument', { params: { processId }, body });
export const fetchDraft = (processId: string, documentId: string, signal?: AbortSignal) => call('getDraft', { params: { processId, documentId }, signal });
export const saveDraft = (processId: string, documentId: string, body: DraftSave) => call('saveDraft', { params: { processId, documentId }, body });
export const publishVersion = (processId: string, documentId: string, body: VersionPublish) => call('publishVersion', { params: { processId, documentId }, body });

/** A published version (the latest without `version`); public, so it carries no token. */
export const fetchDocument = (processId: string, documentId: string, version?: number, signal?: AbortSignal) =>
  call('getDocument', { params: { processId, documentId }, query: { version }, signal });

export interface ResponseFilters {
  paragraph?: number;
  unanswered?: boolean;
  state?: ResponseItem['state'];
}
export const fetchResponses = (processId: string, documentId: string, filters: ResponseFilters, cursor?: string, signal?: AbortSignal, limit = RESPONSE_PAGE) =>
  call('internalResponses', {
    params: { processId, documentId },
    query: { paragraph: filters.paragraph, unanswered: filters.unanswered ? 'true' : undefined, state: filters.state, limit, cursor },
    signal,
  });

export const answerResponse = (responseId: string, body: AnswerSave) => call('answerResponse', { params: { responseId }, body });
export const moderateResponse = (responseId: string, body: CommentModeration) => call('moderateResponse', { params: { responseId }, body });

/** The export as the JSON document the printed report is built from. */
export const fetchExport = (processId: string, documentId: string, signal?: AbortSignal) =>
  call('exportDocument', { params: { processId, documentId }, query: { format: 'json' }, signal }) as Promise<DocumentExport>;

/** The export as a file, fetched with the user's token (a link cannot send it) and named as the server says. */
export async function downloadDocumentExport(processId: string, documentId: string, format: 'xlsx' | 'json'): Promise<DownloadedFile> {
  const path: ApiPath = `/processes/${encodeURIComponent(processId)}/consultation/documents/${encodeURIComponent(documentId)}/export`;
  const url = `${API_BASE}${path}?${new URLSearchParams({ format }).toString()}`;
  const attempt = (token: string | undefined) => fetch(url, { headers: token ? { authorization: `Bearer ${token}`, accept: '*/*' } : { accept: '*/*' } });
  let response = await attempt(await accessToken());
  if (response.status === 401) {
    const fresh = await refreshAccess();
    if (fresh) response = await attempt(fresh);
  }
  if (!response.ok) throw await apiErrorOf(response);
  return { blob: await response.blob(), filename: filenameOf(response.headers.get('content-disposition')) ?? `deltag-${processId}-${documentId}.${format}` };
}
