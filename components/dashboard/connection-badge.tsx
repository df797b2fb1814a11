import type { ConnectionState } from '@/components/dashboard/types';

const STATES: Record<ConnectionState, { text: string; hint: string; dot: string; pulse: boolean }> = {
  live: { text: 'Live', hint: 'Updates arrive as they happen', dot: 'bg-emerald-500', pulse: true },
  reconnecting: { text: 'Reconnecting…', hint: 'Connection lost; showing the last numbers received', dot: 'bg-amber-500', pulse: false },
  polling: { text: 'Updating every 10 s', hint: 'Live updates unavailable; checking for changes every 10 seconds', dot: 'bg-sky-500', pulse: false },
  offline: { text: 'Offline', hint: 'No connection; showing the last numbers received', dot: 'bg-slate-400', pulse: false },
};

/** The viewer's link to the server, spelled out in words (the dot only repeats it). */
export function ConnectionBadge({ connection }: { connection: ConnectionState }) {
  const state = STATES[connection];
  return (
    <span
      data-testid="connection-state"
      data-state={connection}
      role="status"
      title={state.hint}
      className="inline-flex items-center gap-2 rounded-full border border-(--pw-border) bg-(--pw-card) px-3 py-1 text-(length:--pw-small) font-medium text-(--pw-text)"
    >
      <span className="relative flex size-2.5" aria-hidden="true">
        {state.pulse ? <span className={`absolute inline-flex size-full animate-ping rounded-full opacity-60 ${state.dot}`} /> : null}
        <span className={`relative inline-flex size-2.5 rounded-full ${state.dot}`} />
      </span>
      {state.text}
    </span>
  );
}
