import type { Display } from '@/components/dashboard/display';
import { ConvertedMark, OtherCurrencies } from '@/components/dashboard/money-total';
import { stageColor } from '@/components/charts/stage-colors';
import type { StageSummary } from '@/lib/pipeline/types';
import { formatCount, formatMoney } from '@/lib/client/format';

/**
 * The stage chart's numbers as a table: exact amounts, Twenty's order. It is the chart's text
 * alternative and a compact legend at once; `hidden` keeps it for screen readers only.
 */
export function StageTable({ stages, display, visuallyHidden = false }: { stages: StageSummary[]; display: Display; visuallyHidden?: boolean }) {
  const { locale, currency } = display;
  // sr-only goes on a wrapper: a table ignores width:1px and would widen the page.
  return (
    <div className={visuallyHidden ? 'sr-only' : undefined}>
      <table data-testid="stage-table" className="w-full text-(length:--pw-small)">
        <caption className="sr-only">Deals and amount by stage, in pipeline order</caption>
        <thead>
          <tr className="border-b border-(--pw-border) text-left text-(length:--pw-tiny) tracking-wide text-(--pw-muted) uppercase">
            <th scope="col" className="py-2 pr-3 font-medium">Stage</th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">Deals</th>
            <th scope="col" className="py-2 text-right font-medium">Amount</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((s) => (
            <tr key={s.value} data-testid="stage-row" data-stage={s.value} data-won={s.isWon} className="border-b border-(--pw-border) last:border-0">
              <th scope="row" className="py-2 pr-3 text-left font-medium text-(--pw-text)">
                <span className="inline-flex items-center gap-2">
                  <span aria-hidden="true" className="size-2.5 shrink-0 rounded-sm" style={{ backgroundColor: stageColor(s.color) }} />
                  <span data-testid="stage-label">{s.label}</span>
                  {s.isWon ? <span className="text-(length:--pw-tiny) font-normal text-(--pw-muted)">(won)</span> : null}
                  {s.known ? null : <span className="text-(length:--pw-tiny) font-normal text-(--pw-muted)">(not in CRM settings)</span>}
                </span>
              </th>
              <td className="py-2 pr-3 text-right text-(--pw-text) tabular-nums" data-testid="stage-count" data-value={s.count}>
                {formatCount(s.count, locale)}
              </td>
              <td className="py-2 text-right text-(--pw-text) tabular-nums">
                <span className="inline-flex flex-wrap items-center justify-end gap-2">
                  <ConvertedMark converted={s.converted} />
                  <span data-testid="stage-amount" data-amount-micros={s.amountMicros}>
                    {formatMoney(s.amountMicros, currency, locale, { wholeUnits: true })}
                  </span>
                </span>
                <OtherCurrencies other={s.other} locale={locale} className="justify-end" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
