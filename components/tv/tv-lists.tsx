import { stageColor } from '@/components/charts/stage-colors';
import type { Snapshot, TopDeal } from '@/lib/pipeline/types';
import { formatCount, formatDate, formatMoney } from '@/lib/client/format';

/** Rows that fit a 16:9 panel at TV type size without scrolling. */
export const TV_DEAL_ROWS = 8;

export function TvStageList({ snapshot }: { snapshot: Snapshot }) {
  const { locale, currency } = snapshot;
  return (
    <ul className="tv-stage-list" data-testid="tv-stage-list">
      {snapshot.stages.map((s) => (
        <li key={s.value} data-testid="stage-row" data-stage={s.value}>
          <i className="tv-swatch" style={{ backgroundColor: stageColor(s.color) }} aria-hidden="true" />
          <span>{s.label}</span>
          <span className="count">{formatCount(s.count, locale)}</span>
          <span className="amount">{formatMoney(s.amountMicros, currency, locale, { compact: true })}</span>
        </li>
      ))}
    </ul>
  );
}

type Column = { key: 'name' | 'companyName' | 'stage' | 'closeDate' | 'amountMicros'; heading: string; numeric?: boolean };
const COLUMNS: Column[] = [
  { key: 'name', heading: 'Deal' },
  { key: 'companyName', heading: 'Company' },
  { key: 'stage', heading: 'Stage' },
  { key: 'closeDate', heading: 'Close date' },
  { key: 'amountMicros', heading: 'Amount', numeric: true },
];

/** The largest open deals; a column appears only when the server sent that field. */
export function TvDeals({ snapshot }: { snapshot: Snapshot }) {
  const rows = snapshot.topDeals.slice(0, TV_DEAL_ROWS);
  if (rows.length === 0) return <p className="tv-panel-note">No open deals to list.</p>;
  const columns = COLUMNS.filter((c) => rows.some((d) => d[c.key] !== undefined));
  const { locale, timeZone } = snapshot;
  const cell = (deal: TopDeal, key: Column['key']) => {
    switch (key) {
      case 'name':
        return deal.name ?? '—';
      case 'companyName':
        return deal.companyName ?? '—';
      case 'stage': {
        const stage = snapshot.stages.find((s) => s.value === deal.stage);
        return (
          <>
            <i className="tv-swatch" style={{ backgroundColor: stageColor(stage?.color ?? 'gray') }} aria-hidden="true" />
            {deal.stageLabel ?? stage?.label ?? deal.stage}
          </>
        );
      }
      case 'closeDate':
        return deal.closeDate ? formatDate(deal.closeDate, locale, timeZone) : '—';
      case 'amountMicros':
        return deal.amountMicros ? formatMoney(deal.amountMicros, deal.currencyCode ?? '', locale, { wholeUnits: true }) : '—';
    }
  };
  return (
    <table className="tv-deals" data-testid="tv-deals">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} className={c.numeric ? 'num' : c.key === 'name' ? 'name' : undefined} scope="col">
              {c.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((deal) => (
          <tr key={deal.id} data-testid="deal-row">
            {columns.map((c) => (
              <td key={c.key} className={c.numeric ? 'num' : c.key === 'name' ? 'name' : undefined}>
                {cell(deal, c.key)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
