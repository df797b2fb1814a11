// Fault switches for resilience tests, applied to /graphql and /metadata as one middleware:
// the workspace can be down, slow, failing, answering garbage, revoked or rate limited.
import { z } from 'zod';
import { rejectionError } from '@/sandbox/http/auth';
import { authFailure, json, raw } from '@/sandbox/http/responses';
import type { Middleware } from '@/sandbox/http/types';
import type { TwentyVersion } from '@/sandbox/options';
import { RATE_LIMIT_SHAPES } from '@/sandbox/rate-limit';

export const FAULT_MODES = ['none', 'down', 'slow', 'http-500', 'malformed-json', 'graphql-error', 'revoked-key', 'rate-limited'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];
export const faultSchema = z
  .object({
    mode: z.enum(FAULT_MODES),
    /** slow: the delay; rate-limited with shape 2.x: the retryAfterMs hint. */
    ms: z.number().int().min(0).max(120_000).optional(),
    /** rate-limited only: which Twenty generation's answer (default: the workspace's version). */
    shape: z.enum(RATE_LIMIT_SHAPES).optional(),
  })
  .refine((f) => f.shape === undefined || f.mode === 'rate-limited', { message: 'shape is only for mode rate-limited', path: ['shape'] });
export type Fault = z.infer<typeof faultSchema>;

const DEFAULT_SLOW_MS = 2_000;

export class FaultSwitch {
  private fault: Fault = { mode: 'none' };

  constructor(private readonly version: TwentyVersion) {}

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
      case 'graphql-error':
        // What a Twenty whose database is away answers: HTTP 200, a resolver error, no data.
        return json(200, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }], data: null });
      case 'revoked-key':
        return authFailure(rejectionError('revoked', this.version));
      default:
        return next(req);
    }
  };
}
