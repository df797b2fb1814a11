import { createHmac, hkdfSync, randomBytes } from 'node:crypto';

// Twenty's record ids never leave the server. A top deal and a ticker line are named by an opaque
// key instead: an HMAC of the dashboard's slug and the record id (plus, for a ticker line, the
// change) under a key used for nothing else. That key is derived (HKDF) from SESSION_PASSWORD
// when one is configured, so every instance behind Redis, and the next process after a restart,
// names a deal the same way; without one it is random per process (keys then change on restart,
// and instances sharing Redis disagree: set SESSION_PASSWORD there). Stable per deal and per
// dashboard, unlinkable across dashboards, and not reversible without the key.

/** The key of one deal on one dashboard; `more` distinguishes things about it (a ticker line's change). */
export type DealKeyer = (slug: string, recordId: string, ...more: string[]) => string;

const INFO = 'pipeline-wall/deal-keys/v1';
/** 128 bits, base64url: collisions are out of reach for any pipeline, and short on the wire. */
const KEY_CHARS = 22;

function keyerWith(key: Buffer): DealKeyer {
  // JSON keeps the parts apart whatever characters they hold.
  return (slug, recordId, ...more) => createHmac('sha256', key).update(JSON.stringify([slug, recordId, ...more])).digest('base64url').slice(0, KEY_CHARS);
}

/** Keys derived from a configured secret (SESSION_PASSWORD): the same on every instance and after restarts. */
export function dealKeyerFromSecret(secret: string): DealKeyer {
  return keyerWith(Buffer.from(hkdfSync('sha256', secret, 'pipeline-wall', INFO, 32)));
}

/** Keys under a fresh random secret: stable for this keyer only. */
export function randomDealKeyer(): DealKeyer {
  return keyerWith(randomBytes(32));
}

let processKeyer: DealKeyer | undefined;

/** One random keyer for the whole process: the default where no keyer is passed (tests, benches). */
export function processDealKeyer(): DealKeyer {
  processKeyer ??= randomDealKeyer();
  return processKeyer;
}

/** The app's keyer for its settings: derived from SESSION_PASSWORD when set, else random per process. */
export function dealKeyerFor(sessionPassword: string | undefined): DealKeyer {
  return sessionPassword ? dealKeyerFromSecret(sessionPassword) : processDealKeyer();
}
