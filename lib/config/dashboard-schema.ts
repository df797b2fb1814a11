import { z } from 'zod';
import { SELECTABLE_VIEWS } from '@/lib/config/views';

// The dashboards file: `{ "dashboards": [ { "slug": "…", "title": "…", … } ] }`.
// Every key but slug and title has a default; no filter means every deal.

/** `owner`: the owners leaderboard (lib/pipeline/owners.ts); without it no owner name or id leaves the server. */
export const ALLOWED_FIELDS = ['name', 'amount', 'stage', 'closeDate', 'company', 'owner'] as const;
export type AllowedField = (typeof ALLOWED_FIELDS)[number];

export const WEEK_STARTS = ['monday', 'sunday', 'saturday'] as const;
export type WeekStart = (typeof WEEK_STARTS)[number];

export const RELATIVE_WINDOWS = [
  'this-month',
  'this-quarter',
  'this-year',
  'next-30-days',
  'next-90-days',
  'next-12-months',
  'last-90-days',
  'last-12-months',
] as const;
export type RelativeWindow = (typeof RELATIVE_WINDOWS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

const closeDateWindow = z.union([
  z.object({ relative: z.enum(RELATIVE_WINDOWS) }).strict(),
  z
    .object({ from: isoDate.optional(), to: isoDate.optional() })
    .strict()
    .refine((w) => w.from !== undefined || w.to !== undefined, 'give from, to, or both'),
]);

const stageValue = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'a stage value looks like PROPOSAL');
const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'a currency is a 3-letter ISO code such as USD');
// A rate is a decimal string so conversion stays exact: 1 unit of the key = rate units of the display currency.
const rate = z.string().regex(/^\d{1,9}(\.\d{1,9})?$/, 'a rate is a decimal string such as "1.08"');
const uuid = z.string().uuid();
// A goal is a decimal string in units of the display currency, so it converts to micros exactly
// (lib/pipeline/money/units.ts): at most 6 decimals (one micro), and more than zero.
const goalAmount = z
  .string()
  .regex(/^\d{1,15}(\.\d{1,6})?$/, 'a goal amount is a decimal string in the display currency, such as "1500000" or "2500.50" (at most 6 decimals)')
  .refine((amount) => /[1-9]/.test(amount), 'a goal must be more than zero');

// Access and sharing (see lib/access). Embedding origins are exact origins ("https://intranet.example.com",
// "http://127.0.0.1:4300"), a wildcard subdomain ("https://*.example.com"), or "*" for any site.
export const ACCESS_MODES = ['public', 'link', 'passcode'] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];
/** scrypt$N$r$p$salt$hash (base64url), made by `npm run share-link -- --hash-passcode`. */
export const PASSCODE_HASH_PATTERN = /^scrypt\$\d{4,7}\$\d{1,2}\$\d{1,2}\$[A-Za-z0-9_-]{16,}\$[A-Za-z0-9_-]{32,}$/;
const embedOrigin = z
  .string()
  .regex(/^(\*|https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?)$/, 'an origin looks like https://intranet.example.com (no path), https://*.example.com or *');
const tvSlide = z.object({ view: z.enum(SELECTABLE_VIEWS), seconds: z.number().int().min(5).max(3600) }).strict();
export const DEFAULT_TV_VIEWS = [
  { view: 'kpis', seconds: 20 },
  { view: 'stages', seconds: 20 },
  { view: 'funnel', seconds: 15 },
  { view: 'timeline', seconds: 15 },
  { view: 'deals', seconds: 20 },
] as const satisfies ReadonlyArray<z.input<typeof tvSlide>>;

export const dashboardFilterSchema = z
  .object({
    stages: z.array(stageValue).min(1).optional(),
    closeDate: closeDateWindow.optional(),
    ownerIds: z.array(uuid).min(1).optional(),
    /** Minimum amount in micros of the deal's own currency, as an integer string. */
    minAmountMicros: z.string().regex(/^\d{1,20}$/).optional(),
  })
  .strict();

export const dashboardSchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a slug is lowercase letters, digits and dashes'),
    title: z.string().min(1).max(120),
    filter: dashboardFilterSchema.default({}),
    wonStages: z.array(stageValue).min(1).default(['CUSTOMER']),
    /** Stages that are closed without a win (Twenty's defaults have none). Open = neither won nor lost. */
    lostStages: z.array(stageValue).default([]),
    period: z.enum(['month', 'quarter', 'year']).default('quarter'),
    /** The new-pipeline trend (deals created per week, 12 weeks): one more upstream call per refresh. */
    trend: z.boolean().default(false),
    /** First day of the trend's weeks (the days Twenty's group-by takes as weekStartDay). */
    weekStart: z.enum(WEEK_STARTS).default('monday'),
    /** A target for the period, in the display currency: the KPIs show how far it is (lib/pipeline/goal.ts). */
    goal: z.object({ amount: goalAmount }).strict().optional(),
    /** A saved Twenty opportunity view (its name or id) as the dashboard's scope (lib/twenty/views/dashboard-view.ts). */
    twentyView: z.string().trim().min(1).max(200).optional(),
    /**
     * A Twenty dashboard to publish instead of the pipeline: a DASHBOARD page layout's name or id
     * (lib/twenty/board). Its charts show what Twenty computes, labels included.
     */
    twentyDashboard: z.string().trim().min(1).max(200).optional(),
    /** Titles of the twentyDashboard's widgets to publish (default: every GRAPH widget). */
    widgets: z.array(z.string().trim().min(1).max(200)).min(1).max(50).optional(),
    currency: currencyCode.default('USD'),
    rates: z.record(currencyCode, rate).default({}),
    timeZone: z
      .string()
      .default('UTC')
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'unknown IANA time zone'),
    locale: z
      .string()
      .default('en-US')
      .refine((l) => {
        try {
          return Intl.NumberFormat.supportedLocalesOf([l]).length > 0;
        } catch {
          return false;
        }
      }, 'unknown locale'),
    fields: z.array(z.enum(ALLOWED_FIELDS)).default(['name', 'amount', 'stage', 'closeDate']),
    topDeals: z.number().int().min(0).max(50).default(10),
    /** public: anyone; link: a share token; passcode: a share token or the passcode. */
    access: z.enum(ACCESS_MODES).default('public'),
    /** Bump to revoke every share link and passcode session of this dashboard at once. */
    tokenVersion: z.number().int().min(1).max(1_000_000).default(1),
    passcodeHash: z.string().regex(PASSCODE_HASH_PATTERN, 'make a passcodeHash with `npm run share-link -- --hash-passcode`').optional(),
    /** Sites allowed to frame /embed (CSP frame-ancestors); empty means this app's own origin only. */
    allowedOrigins: z.array(embedOrigin).default([]),
    tv: z
      .object({ views: z.array(tvSlide).min(1).max(20) })
      .strict()
      .default({ views: DEFAULT_TV_VIEWS.map((s) => ({ ...s })) }),
  })
  .strict();

export const dashboardsFileSchema = z
  .object({ dashboards: z.array(dashboardSchema).min(1) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.dashboards.forEach((d, i) => {
      if (seen.has(d.slug)) ctx.addIssue({ code: 'custom', path: ['dashboards', i, 'slug'], message: `duplicate slug "${d.slug}"` });
      seen.add(d.slug);
      for (const issue of boardConflicts(d)) ctx.addIssue({ code: 'custom', path: ['dashboards', i, issue.key], message: issue.message });
      if (d.access === 'passcode' && !d.passcodeHash) {
        ctx.addIssue({ code: 'custom', path: ['dashboards', i, 'passcodeHash'], message: 'is required when access is "passcode" (make one with `npm run share-link -- --hash-passcode`)' });
      }
    });
  });

// A published Twenty dashboard shows Twenty's charts, not the pipeline: the keys that shape the
// pipeline would be silently ignored, so they are refused instead.
const PIPELINE_ONLY_KEYS = ['twentyView', 'goal'] as const;

function boardConflicts(d: z.infer<typeof dashboardSchema>): { key: string; message: string }[] {
  if (d.twentyDashboard === undefined) {
    return d.widgets ? [{ key: 'widgets', message: 'needs twentyDashboard (it picks that dashboard\'s widgets by title)' }] : [];
  }
  const conflicts: { key: string; message: string }[] = PIPELINE_ONLY_KEYS.filter((key) => d[key] !== undefined).map((key) => ({ key, message: 'cannot be combined with twentyDashboard (a published Twenty dashboard shows Twenty\'s own charts)' }));
  if (Object.keys(d.filter).length > 0) conflicts.push({ key: 'filter', message: 'cannot be combined with twentyDashboard: each Twenty widget carries its own filter' });
  if (d.trend) conflicts.push({ key: 'trend', message: 'cannot be combined with twentyDashboard (a published Twenty dashboard shows Twenty\'s own charts)' });
  return conflicts;
}

export type DashboardConfig = z.infer<typeof dashboardSchema>;
export type DashboardFilter = z.infer<typeof dashboardFilterSchema>;
export type DashboardsFile = z.infer<typeof dashboardsFileSchema>;

/** A dashboard with every default filled in — handy for tests and the demo. */
export function dashboardDefaults(partial: { slug: string; title: string } & Record<string, unknown>): DashboardConfig {
  return dashboardSchema.parse(partial);
}
