// The live ticker's lines as the snapshot carries them. A leaf of lib/pipeline (types.ts
// re-exports it).

export type TickerKind = 'moved' | 'won' | 'created' | 'lost' | 'restored';

/**
 * One line of the live ticker ("moved from Meeting to Proposal · $48k"). Money is sent as micros
 * and code so the UI formats it; name and amount are present only when the dashboard allows them.
 */
export type TickerItem = {
  /** Stable for one change of one deal (a hash, not the record id). */
  id: string;
  /** ISO time of the change in the CRM. */
  at: string;
  kind: TickerKind;
  fromStage?: string;
  fromLabel?: string;
  toStage?: string;
  toLabel?: string;
  dealName?: string;
  amountMicros?: string;
  currencyCode?: string;
};
