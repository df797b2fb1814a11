// The new-pipeline trend: deals by the week they were created (lib/pipeline/weeks.ts), in the
// dashboard's scope without its close-date window. A leaf of lib/pipeline (types.ts re-exports
// it), so it spells out MoneyTotal's shape instead of importing it.

/** Deals created in one week in one currency, as lib/twenty reads them. */
export type CreatedBucket = {
  /** The local date (dashboard zone) of the week's first day, "YYYY-MM-DD". */
  week: string;
  /** null when the deal has no amount currency (null or ""). */
  currencyCode: string | null;
  count: number;
  /** Sum of the non-null amountMicros. */
  amountMicros: bigint;
};

/** What lib/twenty read for the trend: the weeks it covered (oldest first) and their buckets. */
export type CreatedWeeks = { weeks: string[]; buckets: CreatedBucket[] };

/** One week of the trend: a MoneyTotal (currencies with a rate converted, others apart in `other`). */
export type CreatedPoint = {
  week: string;
  count: number;
  currency: string;
  amountMicros: string;
  converted: boolean;
  other: { currencyCode: string; amountMicros: string }[];
};
