// The two stacks the end-to-end tests run against: the app on the demo workspace emulating
// Twenty 2.21 as captured, and the same app on the demo workspace emulating the captured v0.55.

export const E2E_API_KEY = 'e2e-api-key-0b5f2c9d7a41e8f3c6b2a9d0';
export const E2E_TEST_KEY = 'e2e-crm-user-key-7d1c3e5a9b2f4c6e8a0d';
export const E2E_WEBHOOK_SECRET = 'e2e-webhook-secret-3f9a1c7e5b2d';
// A workspace member of the demo seed (the same for every seed) who owns several deals.
export const E2E_OWNER_ID = '20202020-0687-4c41-b707-ed1bfca972a7';
export const E2E_SESSION_PASSWORD = 'e2e-session-password-6c2e9a4f1b8d3c7e5a0f2b9d';
/** /api/health shows its detail only to `Authorization: Bearer <HEALTH_TOKEN>`. */
export const E2E_HEALTH_TOKEN = 'e2e-health-token-8b3d1f6a2c9e4b7d';
export const E2E_HEALTH_HEADERS = { authorization: `Bearer ${E2E_HEALTH_TOKEN}` };

export type Stack = { name: string; version: '2.21' | '0.55'; appPort: number; sandboxPort: number };

// E2E_PORT_BASE lets two runs share a machine (apps on base+1.., workspaces on base+1001..).
const BASE = Number(process.env.E2E_PORT_BASE ?? 3100);

export const STACKS: Stack[] = [
  { name: '2.21', version: '2.21', appPort: BASE + 1, sandboxPort: BASE + 1001 },
  { name: 'v0.55', version: '0.55', appPort: BASE + 2, sandboxPort: BASE + 1002 },
];
