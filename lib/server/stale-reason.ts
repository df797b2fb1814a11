import type { StaleReason } from '@/lib/pipeline/types';
import { TwentyError } from '@/lib/twenty/errors';

/** The public category of an upstream failure: no internals, no messages. */
export function classifyStaleReason(error: unknown): StaleReason {
  if (error instanceof TwentyError) {
    switch (error.kind) {
      case 'auth':
        return 'auth';
      case 'rate_limited':
        return 'rate_limited';
      case 'rejected':
        return 'rejected';
      case 'unreachable':
        return 'unreachable';
      case 'timeout':
        return 'timeout';
      default:
        return 'upstream_error';
    }
  }
  return 'upstream_error';
}
