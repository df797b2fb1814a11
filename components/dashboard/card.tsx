import type { ReactNode } from 'react';

type CardProps = {
  title: string;
  subtitle?: ReactNode;
  testId?: string;
  className?: string;
  children: ReactNode;
};

/** A titled panel; its heading labels the region for screen readers. */
export function Card({ title, subtitle, testId, className = '', children }: CardProps) {
  const headingId = `card-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section
      aria-labelledby={headingId}
      data-testid={testId}
      className={`relative flex min-w-0 flex-col rounded-2xl border border-(--pw-border) bg-(--pw-card) p-5 shadow-sm sm:p-6 ${className}`}
    >
      <header className="mb-4 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={headingId} className="text-(length:--pw-card-title) font-semibold tracking-tight text-(--pw-text)">
          {title}
        </h2>
        {subtitle ? <p className="text-(length:--pw-small) text-(--pw-muted)">{subtitle}</p> : null}
      </header>
      {children}
    </section>
  );
}
