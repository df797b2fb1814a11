import { addToSums, emptySums, toMoneyTotal, type Conversion, type CurrencySums } from '@/lib/pipeline/money/totals';
import type { StageCatalog } from '@/lib/pipeline/stage-catalog';
import type { DealGroup, StageSummary } from '@/lib/pipeline/types';

/** Count and amount per stage, every catalog stage present (zero-filled), in catalog order. */
export function summariseStages(catalog: StageCatalog, groups: DealGroup[], conversion: Conversion): StageSummary[] {
  const perStage = new Map<string, { count: number; sums: CurrencySums }>();
  for (const group of groups) {
    let acc = perStage.get(group.stage);
    if (!acc) {
      acc = { count: 0, sums: emptySums() };
      perStage.set(group.stage, acc);
    }
    acc.count += group.count;
    addToSums(acc.sums, group.currencyCode, group.amountMicros);
  }
  return catalog.stages.map((stage) => {
    const acc = perStage.get(stage.value);
    const total = toMoneyTotal(acc?.sums ?? emptySums(), conversion);
    return {
      value: stage.value,
      label: stage.label,
      color: stage.color,
      position: stage.position,
      count: acc?.count ?? 0,
      amountMicros: total.amountMicros,
      converted: total.converted,
      other: total.other,
      isWon: stage.kind === 'won',
      isLost: stage.kind === 'lost',
      known: stage.known,
    };
  });
}
