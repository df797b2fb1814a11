import type { ReactNode } from 'react';

type KpiTileProps = {
  label: string;
  testId: string;
  /** data-* attributes carrying the raw figure, for tests and anyone reading the DOM. */
  data: Record<`data-${string}`, string | number | boolean>;
  /** Beside the label, e.g. "≈ converted", so the big figures line up across tiles. */
  badge?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
};

export function KpiTile({ label, testId, data, badge, children, footer }: KpiTileProps) {
  return (
    <article data-testid={testId} {...data} className="flex min-w-0 flex-col gap-3 rounded-2xl border border-(--pw-border) bg-(--pw-card) p-5 shadow-sm">
      <header className="flex min-h-6 items-center justify-between gap-2">
        <h3 className="truncate text-(length:--pw-small) font-medium text-(--pw-muted)">{label}</h3>
        {badge}
      </header>
      <div className="flex flex-col gap-1.5">{children}</div>
      {footer ? <div className="mt-auto pt-1 text-(length:--pw-small) text-(--pw-muted)">{footer}</div> : null}
    </article>
  );
}
