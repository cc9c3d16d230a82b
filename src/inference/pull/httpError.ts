import { DomainError, ErrorCode } from '../../errors.js';

/** Maps a failed HTTP status to the error contract, with the status and URL in the message. */
export function httpError(status: number, statusText: string, url: URL): DomainError {
  const where = `${url.origin}${url.pathname}`;
  const details = { status, url: where };
  const answered = `The server answered ${status}${statusText ? ` ${statusText}` : ''} for ${where}`;
  if (status === 404 || status === 410) {
    return new DomainError(ErrorCode.MODEL_NOT_FOUND, `${answered}: check the URI (owner, repo and path).`, details);
  }
  if (status === 401 || status === 403) {
    // The hub answers 401 for gated or private repos; the user must accept the licence or use a token-aware mirror.
    const message = `${answered}: the file is private or gated and needs credentials.`;
    return new DomainError(ErrorCode.FORBIDDEN, message, details);
  }
  return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `${answered}; try again later.`, details);
}
