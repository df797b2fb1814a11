import type { CheckReport, Row, RowStatus } from '@/lib/twenty/check/report';
import { exitCodeOf, rowsWith } from '@/lib/twenty/check/report';

// The report as a plain-text table: one line per row, status first so a problem is easy to spot
// in a terminal or a CI log. Pure: no colours, no terminal width guesses.

const MARK: Record<RowStatus, string> = { ok: 'ok', warn: 'WARN', fail: 'FAIL', skip: '--', note: '·' };
const MARK_WIDTH = Math.max(...Object.values(MARK).map((m) => m.length));

function formatRow(r: Row, labelWidth: number): string {
  return `  ${MARK[r.status].padEnd(MARK_WIDTH)}  ${r.label.padEnd(labelWidth)}  ${r.detail}`;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function formatReport(report: CheckReport): string {
  const labelWidth = Math.max(...report.sections.flatMap((s) => s.rows.map((r) => r.label.length)), 0);
  const { apiUrl, dashboardsFile, dashboards } = report.target;
  const lines = ['Pipeline Wall · Twenty connection check', `  Twenty      ${apiUrl}`, `  dashboards  ${dashboardsFile} (${dashboards})`];
  for (const section of report.sections) {
    if (section.rows.length === 0) continue;
    lines.push('', section.title, ...section.rows.map((r) => formatRow(r, labelWidth)));
  }
  const { counted, cap, introspection, requests } = report.spent;
  lines.push(
    '',
    `Root fields spent: ${counted} of ${cap} (Twenty 2.x allows 100 a minute per workspace, shared by every API key), plus ${introspection} for introspection, which is not limited; ${plural(requests, 'request')}`,
  );
  const problems = rowsWith(report, 'fail');
  const warnings = rowsWith(report, 'warn');
  const code = exitCodeOf(report);
  const names = problems.length > 0 ? `: ${problems.map((r) => r.label).join(', ')}` : '';
  lines.push(`Result: ${plural(problems.length, 'problem')}${names}, ${plural(warnings.length, 'warning')} → exit ${code}`);
  return `${lines.join('\n')}\n`;
}

/** Bad settings: the same single line the app prints when it refuses to start. */
export function formatConfigError(message: string): string {
  return `${message.replace(/\s*\n\s*/g, ' ')}\n`;
}
