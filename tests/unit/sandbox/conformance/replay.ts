// Sending a captured request to a demo workspace as the capture's caller, and the workspaces the
// 2.21 captures are replayed against.
import { startSandbox, type Sandbox, type SandboxHooks, type SandboxOptionsInput } from '@/sandbox/index';
import type { Answer } from '@/tests/unit/sandbox/conformance/compare';
import type { Capture } from '@/tests/unit/sandbox/conformance/captures';
import type { Caller } from '@/tests/unit/sandbox/conformance/manifest-2.21';
import { loadReplica, type ReplicaState } from '@/tests/unit/sandbox/conformance/replica';

export const KEYS = {
  admin: 'conformance-admin-key',
  readOnly: 'conformance-read-only-key',
  user: 'conformance-user-session',
  revoked: 'conformance-key-to-revoke',
  malformed: 'not-a-jwt',
  jwt: 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImsifQ.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
} as const;

export function startWorkspace(options: Partial<SandboxOptionsInput> = {}, hooks: SandboxHooks = {}): Promise<Sandbox> {
  return startSandbox(
    {
      port: 0, apiKey: KEYS.admin, readOnlyApiKeys: [KEYS.readOnly, KEYS.revoked], userTokens: [KEYS.user],
      opportunities: 0, anchor: '2026-11-30', rateLimit: 1_000_000, ...options,
    },
    hooks,
  );
}

export async function startReplica(state: ReplicaState, options: Partial<SandboxOptionsInput> = {}, hooks: SandboxHooks = {}): Promise<Sandbox> {
  const sandbox = await startWorkspace(options, hooks);
  loadReplica(sandbox, state);
  return sandbox;
}

export const tokenOf = (caller: Caller): string | null => (caller === 'none' ? null : KEYS[caller]);

/** Sends the captured request with `token` as its Bearer token (null: no Authorization header). */
export async function replay(sandbox: Sandbox, capture: Capture, token: string | null, variables?: Record<string, unknown>): Promise<Answer> {
  const accept = Object.entries(capture.request.headers).find(([name]) => name.toLowerCase() === 'accept')?.[1];
  const response = await fetch(`${sandbox.url}${capture.request.path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
      ...(accept ? { Accept: accept } : {}),
    },
    body: JSON.stringify({ ...capture.request.body, variables: variables ?? capture.request.body.variables ?? {} }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}
