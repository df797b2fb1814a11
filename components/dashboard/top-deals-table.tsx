import type { Display } from '@/components/dashboard/display';
import { stageColor } from '@/components/charts/stage-colors';
import type { StageSummary, TopDeal } from '@/lib/pipeline/types';
import { formatDate, formatMoney } from '@/lib/client/format';

type Column = 'name' | 'company' | 'stage' | 'closeDate' | 'amount';

const HEADINGS: Record<Column, string> = { name: 'Deal', company: 'Company', stage: 'Stage', closeDate: 'Close date', amount: 'Amount' };

/** Only columns whose field the server actually sent: a hidden field never shows up, not even empty. */
function columnsOf(deals: TopDeal[]): Column[] {
  const has = (key: keyof TopDeal) => deals.some((d) => d[key] !== undefined);
  const all: Array<[Column, boolean]> = [
    ['name', has('name')],
    ['company', has('companyName')],
    ['stage', has('stage') || has('stageLabel')],
    ['closeDate', has('closeDate')],
    ['amount', has('amountMicros')],
  ];
  return all.filter(([, present]) => present).map(([column]) => column);
}

function Cell({ column, deal, stages, display }: { column: Column; deal: TopDeal; stages: StageSummary[]; display: Display }) {
  const { locale, timeZone } = display;
  const empty = <span className="text-(--pw-muted)">—</span>;
  switch (column) {
    case 'name':
      return deal.name ? <span className="font-medium text-(--pw-text)">{deal.name}</span> : empty;
    case 'company':
      return deal.companyName ? <>{deal.companyName}</> : empty;
    case 'stage': {
      const stage = stages.find((s) => s.value === deal.stage);
      const label = deal.stageLabel ?? stage?.label ?? deal.stage;
      if (!label) return empty;
      return (
        <span className="inline-flex items-center gap-2 whitespace-nowrap">
          <span aria-hidden="true" className="size-2 rounded-full" style={{ backgroundColor: stageColor(stage?.color ?? 'gray') }} />
          {label}
        </span>
      );
    }
    case 'closeDate':
      return deal.closeDate ? <span className="whitespace-nowrap">{formatDate(deal.closeDate, locale, timeZone)}</span> : empty;
    case 'amount':
      return deal.amountMicros ? (
        <span className="font-semibold whitespace-nowrap text-(--pw-text)" data-amount-micros={deal.amountMicros} data-currency={deal.currencyCode ?? ''}>
          {formatMoney(deal.amountMicros, deal.currencyCode ?? '', locale, { wholeUnits: true })}
        </span>
      ) : (
        empty
      );
  }
}

/** The largest open deals, each in its own currency (a deal's amount is never converted). */
export function TopDealsTable({ deals, stages, display }: { deals: TopDeal[]; stages: StageSummary[]; display: Display }) {
  const columns = columnsOf(deals);
  if (deals.length === 0) {
    return <p className="py-6 text-center text-(length:--pw-body) text-(--pw-muted)">No open deals to list.</p>;
  }
  return (
    <div className="-mx-1 overflow-x-auto">
      <table className="w-full text-(length:--pw-body)">
        <caption className="sr-only">Largest open deals</caption>
        <thead>
          <tr className="border-b border-(--pw-border) text-left text-(length:--pw-tiny) tracking-wide text-(--pw-muted) uppercase">
            {columns.map((c) => (
              <th key={c} scope="col" className={`px-1 py-2 font-medium ${c === 'amount' ? 'text-right' : ''}`}>
                {HEADINGS[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {deals.map((deal) => (
            <tr key={deal.id} data-testid="deal-row" data-deal-id={deal.id} className="border-b border-(--pw-border) text-(--pw-muted) last:border-0">
              {columns.map((c) => (
                <td key={c} className={`px-1 py-2.5 tabular-nums ${c === 'amount' ? 'text-right' : ''}`}>
                  <Cell column={c} deal={deal} stages={stages} display={display} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
