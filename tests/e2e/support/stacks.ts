// The two Twenty versions the end-to-end tests run against (one Playwright project each): the app
// on the demo workspace emulating Twenty 2.21 as captured, and on the one emulating v0.55. Every
// worker runs its own stack of that version (support/stack.ts), on ports of its own.

export const E2E_API_KEY = 'e2e-api-key-0b5f2c9d7a41e8f3c6b2a9d0';
export const E2E_TEST_KEY = 'e2e-crm-user-key-7d1c3e5a9b2f4c6e8a0d';
export const E2E_WEBHOOK_SECRET = 'e2e-webhook-secret-3f9a1c7e5b2d';
// A workspace member of the demo seed (the same for every seed) who owns several deals.
export const E2E_OWNER_ID = '20202020-0687-4c41-b707-ed1bfca972a7';
export const E2E_SESSION_PASSWORD = 'e2e-session-password-6c2e9a4f1b8d3c7e5a0f2b9d';
/** /api/health shows its detail only to `Authorization: Bearer <HEALTH_TOKEN>`. */
export const E2E_HEALTH_TOKEN = 'e2e-health-token-8b3d1f6a2c9e4b7d';
export const E2E_HEALTH_HEADERS = { authorization: `Bearer ${E2E_HEALTH_TOKEN}` };

export type TwentyVersion = '2.21' | '0.55';

export const PROJECTS: readonly { name: string; version: TwentyVersion }[] = [
  { name: '2.21', version: '2.21' },
  { name: 'v0.55', version: '0.55' },
];

/** Where one worker's stack listens. */
export type StackPorts = { appPort: number; sandboxPort: number; embedAllowedPort: number; embedBlockedPort: number };

/** Where a stack's app and demo workspace listen; appEnv() needs only the workspace's port. */
export type Stack = { version: TwentyVersion; appPort: number; sandboxPort: number };

// E2E_PORT_BASE lets several runs share a machine. Worker slot i (Playwright's parallelIndex,
// unique among the workers running at once) takes app base+1+i, workspace base+1001+i, and
// base+501+2i / base+502+2i for the pages that frame the embed (embed.spec.ts).
const BASE = Number(process.env.E2E_PORT_BASE ?? 3100);
export const MAX_WORKER_SLOTS = 50;

export function stackPorts(parallelIndex: number): StackPorts {
  if (!Number.isInteger(parallelIndex) || parallelIndex < 0 || parallelIndex >= MAX_WORKER_SLOTS) {
    throw new Error(`worker slot ${parallelIndex} is outside 0..${MAX_WORKER_SLOTS - 1}: lower the worker count`);
  }
  return {
    appPort: BASE + 1 + parallelIndex,
    sandboxPort: BASE + 1001 + parallelIndex,
    embedAllowedPort: BASE + 501 + 2 * parallelIndex,
    embedBlockedPort: BASE + 502 + 2 * parallelIndex,
  };
}
