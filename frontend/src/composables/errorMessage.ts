import { ApiError } from '../api/client';
import { t } from '../modules/i18n';

/**
 * What a reader is told about a failed request: the server's own problem title and detail (the API
 * writes them for people), or, when no answer came at all, a hint about the connection.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const { title, detail } = error.problem;
    return detail ? `${title}. ${detail}` : title;
  }
  return t('error.network');
}
