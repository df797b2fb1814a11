import { z } from 'zod';

// zod 4 probes `new Function("")` once to decide whether to compile its object parsers. Under our
// page CSP (no 'unsafe-eval') the probe is refused: zod copes, but the browser reports a CSP
// violation on every page. Client modules that parse with zod import this first; parsing
// without the compiled fast path is just as correct and fast enough for our payloads.
z.config({ jitless: true });
