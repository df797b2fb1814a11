// The saved view a fetch applied, as the data carries it to the webhook path. A leaf of
// lib/pipeline (types.ts re-exports it).

/**
 * A saved view's filters as the fetch applied them, in the terms of the webhook path's predicate
 * (lib/twenty/views/view-scope.ts): `exact: false` when that predicate cannot reproduce them, and
 * every delivery then asks for a refresh. JSON-safe (it crosses Redis with the data).
 */
export type ViewScope = (
  | { viewId: string; exact: false }
  | {
      viewId: string;
      exact: true;
      stages: string[] | null;
      closeDate: { from: string | null; to: string | null } | null;
      ownerIds: string[] | null;
      minAmountMicros: string | null;
    }
) & {
  /** The saved view's id and filters as read (not the translation): the metadata watch compares it. */
  fingerprint?: string;
};
