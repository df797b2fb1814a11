import 'server-only';
import { getEnv } from '@/lib/config/env';
import { dashboardsOf } from '@/lib/config/dashboards';
import type { AccessInputs } from '@/lib/access/gate';
import { createUnlockGuard } from '@/lib/access/unlock';
import type { PasscodeGuard } from '@/lib/access/passcode-guard';
import { logger } from '@/lib/server/log';

// The process's facts that lib/access decides with, gathered where requests come in (proxy.ts,
// routes, pages). Light on purpose: the proxy imports this, so it must never reach the context
// (lib/server/context.ts serves the very same dashboards map, from lib/config/dashboards.ts).

/** Dashboards, SESSION_PASSWORD, the time now and the operator's log, for one request. */
export function accessInputs(): AccessInputs {
  const env = getEnv();
  return {
    dashboards: dashboardsOf(env.DASHBOARDS_CONFIG),
    password: env.SESSION_PASSWORD,
    now: new Date(),
    logError: (fields) => logger.error(fields),
  };
}

// Only POST /api/unlock checks passcodes, so a module variable is one guard per process.
let unlockGuard: PasscodeGuard | undefined;

/** The passcode guard whose counts every unlock of this process shares. */
export function passcodeGuard(): PasscodeGuard {
  unlockGuard ??= createUnlockGuard();
  return unlockGuard;
}
