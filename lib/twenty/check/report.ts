// What `npm run check-twenty` found, as plain data: the probes fill it, format.ts prints it,
// and the exit code follows from it alone.

/** ok: fine · warn: works, but look at it · fail: a problem · skip: not checked · note: a reminder. */
export type RowStatus = 'ok' | 'warn' | 'fail' | 'skip' | 'note';

export type Row = { status: RowStatus; label: string; detail: string };

export type Section = { title: string; rows: Row[] };

export type SpentFigures = {
  /** Root fields sent, introspection aside: Twenty 2.21 counts those on /graphql; /metadata ones are counted too, to be safe. */
  counted: number;
  /** The most the check allows itself. */
  cap: number;
  /** Introspection root fields (`__schema`, `__type`), which Twenty's limit does not count. */
  introspection: number;
  /** HTTP requests that reached Twenty. */
  requests: number;
};

export type CheckReport = {
  /** Where the check looked, without credentials. */
  target: { apiUrl: string; dashboardsFile: string; dashboards: number };
  sections: Section[];
  spent: SpentFigures;
};

export const EXIT_OK = 0;
export const EXIT_PROBLEM = 1;
export const EXIT_BAD_SETTINGS = 2;

export const row = (status: RowStatus, label: string, detail: string): Row => ({ status, label, detail });

export function rowsWith(report: CheckReport, status: RowStatus): Row[] {
  return report.sections.flatMap((s) => s.rows.filter((r) => r.status === status));
}

/** 1 as soon as one row is a problem; warnings and skipped rows alone never fail the check. */
export function exitCodeOf(report: CheckReport): number {
  return rowsWith(report, 'fail').length > 0 ? EXIT_PROBLEM : EXIT_OK;
}
