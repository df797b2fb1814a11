import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { PASSCODE_HASH_PATTERN } from '@/lib/config/dashboard-schema';

// Passcodes are never stored: the config holds `scrypt$N$r$p$salt$hash`. scrypt is slow on purpose
// (about 50 ms), which also slows guessing on top of the per-IP throttle.

const DEFAULTS = { N: 16_384, r: 8, p: 1, keyLength: 32 } as const;

function scrypt(secret: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(secret.normalize('NFC'), salt, keyLength, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPasscode(passcode: string, options: { N?: number; r?: number; p?: number } = {}): Promise<string> {
  const N = options.N ?? DEFAULTS.N;
  const r = options.r ?? DEFAULTS.r;
  const p = options.p ?? DEFAULTS.p;
  const salt = randomBytes(16);
  const key = await scrypt(passcode, salt, DEFAULTS.keyLength, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Constant-time check of a typed passcode against a stored hash; a malformed hash never matches. */
export async function verifyPasscode(passcode: string, stored: string): Promise<boolean> {
  if (!PASSCODE_HASH_PATTERN.test(stored)) return false;
  const [, n, r, p, saltText = '', keyText = ''] = stored.split('$');
  const expected = Buffer.from(keyText, 'base64url');
  // A shortened stored key would compare fewer bytes: only full-length keys count.
  if (expected.length !== DEFAULTS.keyLength) return false;
  try {
    const actual = await scrypt(passcode, Buffer.from(saltText, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}
