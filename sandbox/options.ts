// Settings of a demo workspace, shared by the CLI (`npm run sandbox -- --flags`) and startSandbox().
import { z } from 'zod';
import { faultSchema } from '@/sandbox/http/faults';

/** The Twenty generations the demo workspace reproduces: the captured 2.21.0 server (default) and v0.55. */
export const TWENTY_VERSIONS = ['2.21', '0.55'] as const;
export type TwentyVersion = (typeof TWENTY_VERSIONS)[number];
/** `current` named the default before 2.21 was captured; it stays accepted as its alias. */
const versionSchema = z.enum(['2.21', 'current', '0.55']).transform((v): TwentyVersion => (v === 'current' ? '2.21' : v));

const isCalendarDay = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
};

export const sandboxOptionsSchema = z.object({
  port: z.number().int().min(0).max(65_535).default(4100),
  host: z.string().min(1).default('127.0.0.1'),
  apiKey: z.string({ error: 'an API key is required (--api-key or SANDBOX_API_KEY)' }).min(1, 'the API key must not be empty'),
  /** More keys the workspace accepts (e.g. a test acting as a CRM user); the log says which key made each call. */
  extraApiKeys: z.array(z.string().min(1)).default([]),
  /** API keys with the README's read-only role: opportunities, companies and workspace members; no writes, no people. */
  readOnlyApiKeys: z.array(z.string().min(1)).default([]),
  /** Session tokens of a CRM user (the first workspace member): full rights, never rate limited. */
  userTokens: z.array(z.string().min(1)).default([]),
  webhookUrls: z.array(z.url({ protocol: /^https?$/ })).default([]),
  webhookSecret: z.string().min(1).optional(),
  opportunities: z.number().int().min(0).max(2_000_000).default(150),
  seed: z.number().int().default(1),
  /** The day the demo data is relative to; defaults to today (UTC). */
  anchor: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').refine(isCalendarDay, 'not a calendar day').optional(),
  /** 2.21: tokens of the workspace bucket (refilled over the window); v0.55: calls per root field and window. */
  rateLimit: z.number().int().positive().default(100),
  /** Length of the rate-limit window; tests shorten it. */
  rateLimitWindowMs: z.number().int().positive().default(60_000),
  twentyVersion: versionSchema.default('2.21'),
  /** Milliseconds between simulated CRM moves; 0 turns activity off. */
  activityMs: z.number().int().min(0).default(0),
  /** A fault switched on from the start (e.g. a CRM that is down when the app first starts). */
  fault: faultSchema.optional(),
  /** Plant canary strings in fields no dashboard should show (privacy tests): people, members, companies, deals. */
  canaries: z.boolean().default(false),
});

export type SandboxOptionsInput = z.input<typeof sandboxOptionsSchema>;
export type SandboxOptions = z.output<typeof sandboxOptionsSchema>;

export function anchorDate(options: SandboxOptions, now = new Date()): Date {
  if (options.anchor) return new Date(`${options.anchor}T00:00:00Z`);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
