// How the v0.55 captures (real/) are replayed: every `{request, response}` case of every JSON file,
// as the caller its Authorization header names. The rate-limit cases form one ordered scenario.
import type { DataMode } from '@/tests/unit/sandbox/conformance/compare';
import { KEYS } from '@/tests/unit/sandbox/conformance/replay';

/** Files of real/ that hold no request to replay, with what covers them instead. */
export const NOT_REPLAYED_055: Record<string, string> = {
  'README.md': 'the notes of the capture run',
  'webhooks/': 'webhook deliveries the server sent, not requests to it: tests/unit/sandbox/webhook-conformance-*.test.ts (sandbox writes)',
  'webhooks-extra/': 'webhook deliveries the server sent, not requests to it: tests/unit/sandbox/webhook-conformance-*.test.ts (sandbox writes)',
};

/** The bearer token to send for the capture's own Authorization header (values were redacted). */
export function tokenFor(authorization: string | undefined): string | null {
  if (authorization === undefined) return null;
  const token = authorization.replace(/^Bearer /, '');
  if (token === 'REDACTED') return KEYS.admin;
  if (token === 'REDACTED_USER_ACCESS_TOKEN') return KEYS.user;
  // The capture redacted the JWT's header and payload; put a JWT-shaped pair back in their place.
  if (token.startsWith('REDACTED_HEADER_AND_PAYLOAD')) return token.replace('REDACTED_HEADER_AND_PAYLOAD', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0');
  return token;
}

/** v0.55 data the demo workspace reproduces: the bulk create answers its first 60 records as created. */
export const DATA_055: Record<string, DataMode> = {
  'extra-opportunities-created.json#(file)': 'ids-masked',
};

/** The rate-limit cases in the order they were sent, with the clock (ms after the window began). */
export const RATE_LIMIT_SCENARIO: [string, number][] = [
  ['last_ok', 0],
  ['first_limited', 0],
  ['immediately_again', 0],
  ['multi_root_field_query_while_limited', 0],
  ['user_access_token_while_api_key_limited', 0],
  ['metadata_endpoint_with_api_key_while_limited', 0],
  ['after_5s', 5_000],
  ['after_101s_from_window_start', 101_000],
];
/** `last_ok` was the 500th of 500 calls a field may make in 100 s; here the limit is 5, same shape. */
export const RATE_LIMIT_SCALED = 5;
