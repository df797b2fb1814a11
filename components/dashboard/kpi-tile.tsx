import type { ReactNode } from 'react';

type KpiTileProps = {
  label: string;
  testId: string;
  /** data-* attributes carrying the raw figure, for tests and anyone reading the DOM. */
  data: Record<`data-${string}`, string | number | boolean>;
  children: ReactNode;
  footer?: ReactNode;
};

export function KpiTile({ label, testId, data, children, footer }: KpiTileProps) {
  return (
    <article
      data-testid={testId}
      {...data}
      className="flex min-w-0 flex-col justify-between gap-3 rounded-2xl border border-(--pw-border) bg-(--pw-card) p-5 shadow-sm"
    >
      <h3 className="text-(length:--pw-small) font-medium text-(--pw-muted)">{label}</h3>
      <div className="flex flex-col gap-2">{children}</div>
      {footer ? <div className="text-(length:--pw-small) text-(--pw-muted)">{footer}</div> : null}
    </article>
  );
}
