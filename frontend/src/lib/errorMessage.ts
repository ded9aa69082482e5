import { COMMENT_EDIT_WINDOW_MINUTES } from '#shared/rules/values';
import { ApiError } from '../api/client';
import type { CognitoError } from '../api/cognito';
import { t, type MessageKey } from '../modules/i18n';

const knownProblems = ['profile-required', 'phase-closed', 'voting-closed', 'comments-closed', 'already-flagged', 'own-content', 'under-review'] as const;

/**
 * What a reader is told about a failed request, in their language: our own wording for the
 * problems we know (phase closed, profile missing, rate limited …), otherwise the server's problem
 * title and detail (the API writes them for people, in Danish), or, when no answer came at all, a
 * hint about the connection.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const slug = error.slug;
    if ((knownProblems as readonly string[]).includes(slug)) return t(`problems.${slug}` as MessageKey);
    if (slug === 'edit-window-closed') return t('problems.edit-window-closed', { n: COMMENT_EDIT_WINDOW_MINUTES });
    if (error.status === 429) return t('problems.rateLimited', { n: error.retryAfter ?? 60 });
    if (error.status === 401) return t('problems.unauthorized');
    if (error.status >= 502 && error.status <= 504) return t('error.down');
    const { title, detail } = error.problem;
    return detail ? `${title}. ${detail}` : title;
  }
  // By name, not instanceof: the Cognito client loads only with sign-in (modules/session.ts), and
  // this file is on every page that can show an error.
  if (error instanceof Error && error.name === 'CognitoError') return cognitoMessage(error as CognitoError);
  return t('error.network');
}

const cognitoCodes = [
  'UsernameExistsException',
  'CodeMismatchException',
  'ExpiredCodeException',
  'NotAuthorizedException',
  'UserNotConfirmedException',
  'UserNotFoundException',
  'InvalidPasswordException',
  'InvalidParameterException',
  'LimitExceededException',
  'TooManyRequestsException',
] as const;

export function cognitoMessage(error: CognitoError): string {
  return (cognitoCodes as readonly string[]).includes(error.code) ? t(`auth.errors.${error.code}` as MessageKey) : t('auth.errors.unknown');
}
