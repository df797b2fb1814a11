import { percentOneDecimal } from '@/lib/pipeline/percent';
import type { WinRate } from '@/lib/pipeline/progress-types';

/**
 * Deals won and lost this period (closed in one of its months, counted as the KPIs count won
 * deals). Without lost stages a dashboard cannot tell a loss from an open deal, so it has no rate.
 */
export function winRateOf(won: number, lost: number, hasLostStages: boolean): WinRate {
  const closed = won + lost;
  return { won, lost, percent: hasLostStages && closed > 0 ? percentOneDecimal(BigInt(won), BigInt(closed)) : null };
}
