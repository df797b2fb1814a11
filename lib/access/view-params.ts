import { z } from 'zod';
import { SELECTABLE_VIEWS, tabNumberOf, type SelectableView } from '@/lib/config/views';
import { SHARE_TOKEN_PATTERN } from '@/lib/access/share-token';

// The one URL contract of every shared surface (page, embed, TV, JSON, SSE). A value we do not
// understand is a 400, never silently ignored; keys we do not know (utm_*, cache busters) are.

export type Theme = 'light' | 'dark' | 'transparent';

export type ViewParams = {
  theme?: Theme;
  views?: SelectableView[];
  /** A published Twenty dashboard's tabs (`view=tab-1,tab-2`), 1-based, in the order asked. */
  tabs?: number[];
  /** false hides the dashboard title (title=0). */
  showTitle: boolean;
  /** Seconds per TV slide, overriding the dashboard's own durations. */
  rotateSeconds?: number;
  token?: string;
};

const single = (name: string) =>
  z.union([z.string(), z.array(z.string())]).optional().refine((v) => !Array.isArray(v), `${name} may appear only once`)
    .transform((v) => (Array.isArray(v) ? v[0] : v));

const VIEW_LIST_ERROR = `view must be one or more of ${SELECTABLE_VIEWS.join(', ')} (or tab-1, tab-2… for a published Twenty dashboard), comma-separated`;
const isSelectable = (v: string): v is SelectableView => (SELECTABLE_VIEWS as readonly string[]).includes(v);

type ViewList = { views?: SelectableView[]; tabs?: number[] };

const viewList = z
  .string()
  .transform((v) => v.split(','))
  .pipe(z.array(z.string()).min(1))
  .refine((list) => new Set(list).size === list.length, 'view lists a view twice')
  .transform((list, ctx): ViewList => {
    const tabs = list.map(tabNumberOf);
    if (tabs.every((t) => t !== undefined)) return { tabs: tabs.filter((t) => t !== undefined) };
    const views = list.filter(isSelectable);
    if (views.length === list.length) return { views };
    const mixed = views.length + tabs.filter((t) => t !== undefined).length === list.length;
    ctx.addIssue({ code: 'custom', message: mixed ? 'view lists either tabs (tab-1, tab-2…) or views, not both' : VIEW_LIST_ERROR });
    return z.NEVER;
  });

const rawSchema = z.object({
  theme: single('theme').pipe(z.enum(['light', 'dark', 'transparent'], { error: 'theme must be light, dark or transparent' }).optional()),
  view: single('view').pipe(viewList.optional()),
  title: single('title').pipe(z.enum(['0', '1'], { error: 'title must be 0 or 1' }).optional()),
  rotate: single('rotate').pipe(
    z
      .string()
      .regex(/^\d{1,4}$/, 'rotate must be whole seconds')
      .transform(Number)
      .pipe(z.number().min(5, 'rotate must be at least 5 seconds').max(3600, 'rotate must be at most 3600 seconds'))
      .optional(),
  ),
  token: single('token').pipe(z.string().regex(SHARE_TOKEN_PATTERN, 'token is malformed').optional()),
});

export type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

function toRecord(query: QueryInput): Record<string, string | string[] | undefined> {
  if (!(query instanceof URLSearchParams)) return query;
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    record[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return record;
}

export type ViewParamsResult = { ok: true; params: ViewParams } | { ok: false; error: string };

export function parseViewParams(query: QueryInput): ViewParamsResult {
  const record = toRecord(query);
  const parsed = rawSchema.safeParse({ theme: record.theme, view: record.view, title: record.title, rotate: record.rotate, token: record.token });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: issue?.message ?? 'invalid query parameters' };
  }
  const { theme, view, title, rotate, token } = parsed.data;
  return { ok: true, params: { theme, views: view?.views, tabs: view?.tabs, showTitle: title !== '0', rotateSeconds: rotate, token } };
}

/** The JSON and SSE URLs a page hands to the live stream, carrying the token when there is one. */
export function dataUrls(slug: string, token: string | undefined): { jsonUrl: string; eventsUrl: string } {
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  const base = `/api/dashboards/${encodeURIComponent(slug)}`;
  return { jsonUrl: `${base}${query}`, eventsUrl: `${base}/events${query}` };
}
