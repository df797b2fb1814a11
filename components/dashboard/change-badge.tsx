import type { Change } from '@/lib/client/format';

const STYLES: Record<Change['direction'], { arrow: string; word: string; className: string }> = {
  up: { arrow: '▲', word: 'up', className: 'bg-(--pw-up-bg) text-(--pw-up)' },
  down: { arrow: '▼', word: 'down', className: 'bg-(--pw-down-bg) text-(--pw-down)' },
  flat: { arrow: '■', word: 'unchanged', className: 'bg-(--pw-chip) text-(--pw-muted)' },
};

/** Change vs the previous period: arrow, signed text and a spoken direction, never colour alone. */
export function ChangeBadge({ change, against }: { change: Change | null; against: string }) {
  if (!change) return <span className="text-(--pw-muted)">No {against} figures to compare</span>;
  const style = STYLES[change.direction];
  return (
    <span className="inline-flex flex-wrap items-center gap-2" data-direction={change.direction}>
      <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 font-semibold tabular-nums ${style.className}`}>
        <span aria-hidden="true" className="text-[0.7em]">
          {style.arrow}
        </span>
        <span className="sr-only">{style.word}</span>
        {change.text}
      </span>
      <span>vs {against}</span>
    </span>
  );
}
