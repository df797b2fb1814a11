import type { BadgeState } from '@/lib/client/view-types';

type Look = { text: string; hint: string; dot: string; pill: string; pulse: boolean };

const NEUTRAL = 'border-(--pw-border) bg-(--pw-card) text-(--pw-text)';

const STATES: Record<BadgeState, Look> = {
  connecting: { text: 'Connecting…', hint: 'Opening the live connection; the numbers shown are from page load', dot: 'bg-slate-400', pill: NEUTRAL, pulse: true },
  live: { text: 'Live', hint: 'Updates arrive as they happen', dot: 'bg-emerald-500', pill: NEUTRAL, pulse: true },
  reconnecting: {
    text: 'Reconnecting…',
    hint: 'Connection lost; showing the last numbers received',
    dot: 'bg-amber-500',
    pill: 'border-amber-300 bg-amber-50 text-amber-900',
    pulse: false,
  },
  polling: { text: 'Updating every 10 s', hint: 'Live updates unavailable; checking for changes every 10 seconds', dot: 'bg-sky-500', pill: NEUTRAL, pulse: false },
  // Offline must not pass for a quiet "live": its own colour, a hollow dot and the stale warning in words.
  offline: {
    text: 'Offline · last data kept',
    hint: 'No connection; showing the last numbers received',
    dot: 'border-2 border-rose-600 bg-transparent',
    pill: 'border-rose-300 bg-rose-50 text-rose-900',
    pulse: false,
  },
};

/** The viewer's link to the server, spelled out in words (the dot only repeats it). */
export function ConnectionBadge({ connection }: { connection: BadgeState }) {
  const state = STATES[connection];
  return (
    <span
      data-testid="connection-state"
      data-state={connection}
      role="status"
      title={state.hint}
      className={`inline-flex items-center gap-2 rounded-full border px-3 py-1 text-(length:--pw-small) font-medium ${state.pill}`}
    >
      <span className="relative flex size-2.5" aria-hidden="true">
        {state.pulse ? <span className={`absolute inline-flex size-full animate-ping rounded-full opacity-60 motion-reduce:hidden ${state.dot}`} /> : null}
        <span className={`relative inline-flex size-2.5 rounded-full ${state.dot}`} />
      </span>
      {state.text}
    </span>
  );
}
