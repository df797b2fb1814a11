// Dashboards whose query Twenty refuses (a `rejected` load: Twenty answered, and said no to this
// dashboard's settings). That is not an upstream outage — the CRM is up and the other dashboards
// load — so it is reported per dashboard: one line for the operator naming the dashboard and what
// Twenty said, written when that changes (not on every retry), and one when it is accepted again.

export type RefusalLog = (level: 'info' | 'warn', fields: Record<string, unknown>) => void;

export type Refusals = {
  /** A load of `slug` was refused; `said` is Twenty's message (for the log only, never a response). */
  refused(slug: string, said: string): void;
  /** A load of `slug` succeeded. */
  accepted(slug: string): void;
};

/** What Twenty said, without our "Twenty rejected: " prefix (TwentyError messages are key-free). */
export function refusalText(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/^Twenty \w+: /, '').slice(0, 500);
}

export function createRefusals(log: RefusalLog): Refusals {
  const bySlug = new Map<string, string>();
  return {
    refused(slug, said) {
      if (bySlug.get(slug) === said) return;
      bySlug.set(slug, said);
      log('warn', {
        msg: `Twenty refused the query of dashboard "${slug}" (check its settings in the dashboards file against this Twenty): ${said}`,
        event: 'dashboard.refused',
        slug,
        twenty: said,
      });
    },
    accepted(slug) {
      if (!bySlug.delete(slug)) return;
      log('info', { msg: `Twenty accepts the query of dashboard "${slug}" again`, event: 'dashboard.accepted', slug });
    },
  };
}
