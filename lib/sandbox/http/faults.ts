// Fault switches for resilience tests, applied to /graphql and /metadata as one middleware:
// the workspace can be down, slow, failing, answering garbage, revoked or rate limited.
import { z } from 'zod';
import { authFailure, raw } from '@/lib/sandbox/http/responses';
import type { Middleware } from '@/lib/sandbox/http/types';

export const FAULT_MODES = ['none', 'down', 'slow', 'http-500', 'malformed-json', 'revoked-key', 'rate-limited'] as const;
export const faultSchema = z.object({
  mode: z.enum(FAULT_MODES),
  ms: z.number().int().min(0).max(120_000).optional(),
});
export type Fault = z.infer<typeof faultSchema>;

const DEFAULT_SLOW_MS = 2_000;

export class FaultSwitch {
  private fault: Fault = { mode: 'none' };

  get current(): Fault {
    return this.fault;
  }

  set(fault: Fault): void {
    this.fault = faultSchema.parse(fault);
  }

  /** `rate-limited` goes through the real limiter's answer shape, so the route asks for it. */
  get forcesRateLimit(): boolean {
    return this.fault.mode === 'rate-limited';
  }

  readonly middleware: Middleware = async (req, next) => {
    const { mode, ms } = this.fault;
    switch (mode) {
      case 'down':
        return { destroySocket: true };
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, ms ?? DEFAULT_SLOW_MS));
        return next(req);
      case 'http-500':
        return raw(500, JSON.stringify({ statusCode: 500, message: 'Internal server error' }), 'application/json; charset=utf-8');
      case 'malformed-json':
        return raw(200, '{"data":{"opportunities":{"edges":[{"node":', 'application/json; charset=utf-8');
      case 'revoked-key':
        return authFailure('This API Key is revoked', 'FORBIDDEN');
      default:
        return next(req);
    }
  };
}
