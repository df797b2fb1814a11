'use client';

import { useEffect, useState } from 'react';
import type { ConnectionState } from '@/lib/client/view-types';
import type { Snapshot } from '@/lib/pipeline/types';
import { browserStreamEnvironment } from '@/lib/client/browser-stream-env';
import { startSnapshotStream } from '@/lib/client/stream-controller';
import { isConnecting } from '@/lib/client/stream-state';

export type SnapshotStream = {
  snapshot: Snapshot;
  connection: ConnectionState;
  /** True until the first message or the first failure: nothing has been lost yet. */
  connecting: boolean;
  lastMessageAt: number;
};

type Status = Omit<SnapshotStream, 'snapshot'>;

/**
 * The latest snapshot for a dashboard, kept current over SSE with a polling fallback.
 * Starts from the server-rendered snapshot, so the first paint already has numbers.
 */
export function useSnapshotStream(opts: { initial: Snapshot; eventsUrl: string; jsonUrl: string }): SnapshotStream {
  const { initial, eventsUrl, jsonUrl } = opts;
  const [snapshot, setSnapshot] = useState(initial);
  const [status, setStatus] = useState<Status>({ connection: 'reconnecting', connecting: true, lastMessageAt: 0 });

  useEffect(() => {
    const stream = startSnapshotStream({
      initial,
      eventsUrl,
      jsonUrl,
      env: browserStreamEnvironment(),
      onSnapshot: setSnapshot,
      onState: (state) => setStatus({ connection: state.connection, connecting: isConnecting(state), lastMessageAt: state.lastMessageAt }),
    });
    return () => stream.stop();
    // The server-rendered snapshot only seeds the stream; a new one must not restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [eventsUrl, jsonUrl]);

  return { snapshot, ...status };
}
