// Twenty's error shapes: resolver errors carry only { message, extensions.code } (no locations
// or path), validation errors only { message, locations }.
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
    super(message, { extensions: { code, ...extra } });
  }
}

export const badUserInput = (message: string) => new TwentyError(message, 'BAD_USER_INPUT');
export const recordNotFound = () => new TwentyError('Record not found', 'NOT_FOUND');

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
