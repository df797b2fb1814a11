// Twenty's error shapes: resolver errors carry only { message, extensions } (no locations or
// path), validation errors only { message, locations }. 2.21 adds a subCode and a
// userFriendlyMessage to most resolver errors; v0.55 had the code alone.
import { GraphQLError } from 'graphql';

export type TwentyErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

export class TwentyError extends GraphQLError {
  constructor(message: string, code: TwentyErrorCode, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extra, code } });
  }
}

/** What 2.21 says to the user when a query runner refuses arguments. */
export const GENERIC_USER_MESSAGE = 'An error occurred.';

export const badUserInput = (message: string, extra: Record<string, unknown> = {}) => new TwentyError(message, 'BAD_USER_INPUT', extra);

/** A 2.21 query-runner refusal: BAD_USER_INPUT with a subCode and the generic user message. */
export const invalidInput = (message: string, subCode: string, userFriendlyMessage = GENERIC_USER_MESSAGE) =>
  new TwentyError(message, 'BAD_USER_INPUT', { subCode, userFriendlyMessage });

/** Argument errors of the find-many runner: plain in v0.55, with a subCode in 2.21. */
export const argumentError = (message: string, subCode: string, strict: boolean) =>
  strict ? invalidInput(message, subCode) : badUserInput(message);

export const recordNotFound = (strict: boolean) =>
  strict
    ? new TwentyError('Record not found', 'NOT_FOUND', { subCode: 'RECORD_NOT_FOUND', userFriendlyMessage: 'This record does not exist or has been deleted.' })
    : new TwentyError('Record not found', 'NOT_FOUND');

/** A role without the object or the write permission (captured for the read-only API key). */
export const permissionDenied = () =>
  new TwentyError('Entity performing the request does not have permission', 'FORBIDDEN', {
    userFriendlyMessage: 'User does not have permission.',
    subCode: 'PERMISSION_DENIED',
  });

export type FormattedError = { message: string; locations?: readonly { line: number; column: number }[]; extensions?: Record<string, unknown> };

export function formatError(error: GraphQLError): FormattedError {
  const code = error.extensions.code;
  if (typeof code === 'string') return { message: error.message, extensions: { ...error.extensions } };
  const original = error.originalError;
  if (original && !(original instanceof GraphQLError)) {
    return { message: original.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  return error.locations ? { message: error.message, locations: error.locations } : { message: error.message };
}
