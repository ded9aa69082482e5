import type { AuditAction } from '#shared/rules/audit';
import type { ExportQuery } from '#shared/schemas/export';
import type { BulkModeration, IdeaModeration, UserModeration } from '#shared/schemas/moderation';
import type { ProcessArchive, ProcessClone, ProcessDefinition, ProcessUpdate } from '#shared/schemas/process';
import type { Role } from '#shared/schemas/user';
import { accessToken, refreshAccess } from '../modules/session';
import { API_BASE, ApiError, call, type ApiPath, type CallOutput } from './client';

/**
 * The workspace's calls: moderation, audit log, overdue answers, the committee export, roles and
 * process administration.
 * Every route here is role-gated by the API; the SPA only decides what to show.
 */
export type ModeratedIdea = CallOutput<'moderatedIdea'>;
export type AuditLog = CallOutput<'moderationLog'>;
export type AuditEntry = AuditLog['items'][number];
export type BulkResult = CallOutput<'bulkModerate'>;
export type Overdue = CallOutput<'overdueAnswers'>;
export type UserSummary = CallOutput<'findUser'>;
export type QueueKind = 'pending' | 'flagged';
export type ExportFilters = Pick<ExportQuery, 'top'> & Partial<Pick<ExportQuery, 'area' | 'status'>>;
export type FileFormat = 'csv' | 'xlsx' | 'json';

const id = encodeURIComponent;
export const QUEUE_PAGE = 20;
export const LOG_PAGE = 50;

export const fetchQueue = (processId: string, kind: QueueKind, cursor?: string, signal?: AbortSignal) =>
  call('moderationQueue', { query: { processId, kind, limit: QUEUE_PAGE, cursor }, signal });

export const fetchModeratedIdea = (ideaId: string, signal?: AbortSignal) => call('moderatedIdea', { params: { ideaId }, signal });

export const moderateIdea = (ideaId: string, body: IdeaModeration) => call('moderateIdea', { params: { ideaId }, body });

/** Blocks a user (optionally hiding everything they wrote) or unblocks them. */
export const moderateUser = (userId: string, body: UserModeration) => call('moderateUser', { params: { userId }, body });

export const bulkModerate = (body: BulkModeration) => call('bulkModerate', { body });

/** The log's filters: one action, one moderator (user id); absent means all. */
export interface AuditFilters {
  action?: AuditAction;
  actorId?: string;
}

export const fetchAuditLog = (processId: string, filters: AuditFilters, cursor?: string, signal?: AbortSignal) =>
  call('moderationLog', { query: { processId, limit: LOG_PAGE, cursor, action: filters.action, actorId: filters.actorId }, signal });

export const fetchOverdue = (processId: string, signal?: AbortSignal) => call('overdueAnswers', { query: { processId }, signal });

export const findUser = (email: string, signal?: AbortSignal) => call('findUser', { query: { email }, signal });

export const setRoles = (userId: string, roles: Role[]) => call('setRoles', { params: { userId }, body: { roles } });

/** Every process, archived ones too (the workspace's process choice and the admin's list). */
export const fetchProcesses = (signal?: AbortSignal) => call('listProcesses', { signal });

export const fetchProcess = (processId: string, signal?: AbortSignal) => call('getProcess', { params: { processId }, signal });

export const createProcess = (definition: ProcessDefinition) => call('createProcess', { body: definition });

export const updateProcess = (processId: string, update: ProcessUpdate) => call('updateProcess', { params: { processId }, body: update });

export const cloneProcess = (processId: string, clone: ProcessClone) => call('cloneProcess', { params: { processId }, body: clone });

export const archiveProcess = (processId: string, archive: ProcessArchive) => call('archiveProcess', { params: { processId }, body: archive });

/** A process's definition as the JSON file setup imports (`processes/<id>.json`), named after the process. */
export async function downloadDefinition(processId: string): Promise<DownloadedFile> {
  const definition = await call('processDefinition', { params: { processId } });
  const blob = new Blob([`${JSON.stringify(definition, null, 2)}\n`], { type: 'application/json' });
  return { blob, filename: `${processId}.json` };
}

export const fetchExportDocument = (processId: string, filters: ExportFilters, signal?: AbortSignal) =>
  call('exportIdeas', { params: { processId }, query: { format: 'json', ...filters }, signal }) as Promise<CallOutput<'exportIdeas'>>;

export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/**
 * The export as a file. A plain link cannot carry the Authorization header, so the file is fetched
 * with the signed-in user's token (one silent refresh after a 401, like `send`) and handed back as a
 * Blob with the name from Content-Disposition.
 */
export async function downloadExport(processId: string, format: FileFormat, filters: ExportFilters): Promise<DownloadedFile> {
  const path: ApiPath = `/processes/${id(processId)}/export`;
  const params = new URLSearchParams({ format, top: String(filters.top) });
  if (filters.area) params.set('area', filters.area);
  if (filters.status) params.set('status', filters.status);
  const url = `${API_BASE}${path}?${params.toString()}`;
  const attempt = (token: string | undefined) =>
    fetch(url, { headers: token ? { authorization: `Bearer ${token}`, accept: '*/*' } : { accept: '*/*' } });
  let response = await attempt(await accessToken());
  if (response.status === 401) {
    const fresh = await refreshAccess();
    if (fresh) response = await attempt(fresh);
  }
  if (!response.ok) throw await apiErrorOf(response);
  const fallback = `deltag-${processId}-top${filters.top}.${format}`;
  return { blob: await response.blob(), filename: filenameOf(response.headers.get('content-disposition')) ?? fallback };
}

/** The file name a server gave in Content-Disposition: the UTF-8 `filename*` first, then `filename`. */
export function filenameOf(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return safeName(decodeURIComponent(extended[1].trim()));
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  const name = plain?.[1] ?? plain?.[2]?.trim();
  return name ? safeName(name) : undefined;
}

/** No folders in a name a server suggests. */
const safeName = (name: string) => name.replace(/[\\/]/g, '_') || undefined;

export async function apiErrorOf(response: Response): Promise<ApiError> {
  let body: { type?: unknown; title?: unknown; detail?: unknown } = {};
  try {
    if (/json/i.test(response.headers.get('content-type') ?? '')) body = (await response.json()) as typeof body;
  } catch {
    // Not a problem body; the status says enough.
  }
  return new ApiError({
    type: typeof body.type === 'string' ? body.type : 'about:blank',
    title: typeof body.title === 'string' ? body.title : response.statusText || `HTTP ${response.status}`,
    status: response.status,
    ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
  });
}

/** Offers a downloaded file to the browser under its name. */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on a later task: the click starts the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
