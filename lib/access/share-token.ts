import { sealData, unsealData } from 'iron-session';
import { z } from 'zod';

// Share tokens: iron-session seals of { slug, exp, v } that travel as `?token=…`, so a link works
// inside third-party iframes and on TVs, where cookies and typing are not available.
// Not `server-only`: scripts/share-link.ts mints them under plain Node; the password is passed in.

export const shareTokenPayloadSchema = z
  .object({
    slug: z.string().min(1).max(63),
    /** Expiry, epoch seconds. */
    exp: z.number().int().positive(),
    /** The dashboard's tokenVersion when the link was made; a bump revokes the link. */
    v: z.number().int().min(1),
  })
  .strict();

export type ShareTokenPayload = z.infer<typeof shareTokenPayloadSchema>;

export type ShareTokenCheck =
  | { ok: true; payload: ShareTokenPayload }
  | { ok: false; reason: 'invalid' | 'wrong_dashboard' | 'revoked' | 'expired' };

/** Iron seals are base64url pieces joined by `*` and a `~2` suffix; nothing else can be one. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_.*~-]{20,2048}$/;

export async function sealShareToken(payload: ShareTokenPayload, password: string): Promise<string> {
  const data = shareTokenPayloadSchema.parse(payload);
  // ttl 0: the expiry is ours (`exp`), checked against an injectable clock.
  return sealData(data, { password, ttl: 0 });
}

/**
 * Opens a token and checks it against the dashboard it is presented for. A token sealed with
 * another SESSION_PASSWORD (rotation), altered by one character, or not a seal at all is `invalid`.
 */
export async function verifyShareToken(
  token: string,
  expected: { slug: string; tokenVersion: number },
  password: string,
  now: Date,
): Promise<ShareTokenCheck> {
  if (!SHARE_TOKEN_PATTERN.test(token)) return { ok: false, reason: 'invalid' };
  let opened: unknown;
  try {
    opened = await unsealData<unknown>(token, { password, ttl: 0 });
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const parsed = shareTokenPayloadSchema.safeParse(opened);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const payload = parsed.data;
  if (payload.slug !== expected.slug) return { ok: false, reason: 'wrong_dashboard' };
  if (payload.v !== expected.tokenVersion) return { ok: false, reason: 'revoked' };
  if (now.getTime() >= payload.exp * 1000) return { ok: false, reason: 'expired' };
  return { ok: true, payload };
}

const DURATION = /^(\d{1,5})([smhdw])$/;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };
/** Ten years: long enough for a TV on a wall, short enough that every link still expires. */
export const MAX_SHARE_SECONDS = 3650 * 86_400;

/** "30d" → seconds; null when malformed, zero, or beyond ten years. */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text.trim());
  if (!match) return null;
  const [, amount = '0', unit = 's'] = match;
  const seconds = Number(amount) * (UNIT_SECONDS[unit] ?? 0);
  return seconds > 0 && seconds <= MAX_SHARE_SECONDS ? seconds : null;
}
