import 'server-only';
import { ConfigError } from '@/lib/config/errors';
import { formatConfigError, formatReport } from '@/lib/twenty/check/format';
import { EXIT_BAD_SETTINGS, EXIT_PROBLEM, exitCodeOf } from '@/lib/twenty/check/report';
import { runCheck } from '@/lib/twenty/check/run';
import { readCheckSettings } from '@/lib/twenty/check/check-settings';
import { redactSecret } from '@/lib/twenty/errors';

// `npm run check-twenty`: settings → check → table → exit code (0 all good, 1 a problem, 2 bad
// settings). The script only loads .env files and calls this; tests call it with their own env.

export type CheckIo = {
  env: Record<string, string | undefined>;
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  now?: Date;
  fetch?: typeof fetch;
};

export async function checkTwenty(io: CheckIo): Promise<number> {
  let settings;
  try {
    settings = readCheckSettings(io.env, io.cwd);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(formatConfigError(error.message));
    return EXIT_BAD_SETTINGS;
  }
  try {
    const report = await runCheck({ settings, now: io.now ?? new Date(), fetch: io.fetch });
    io.out(formatReport(report));
    return exitCodeOf(report);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const secrets = [settings.apiKey, io.env.TWENTY_WEBHOOK_SECRET ?? '', io.env.SESSION_PASSWORD ?? ''];
    io.err(`check-twenty: unexpected failure: ${secrets.reduce((text, secret) => redactSecret(text, secret), message)}\n`);
    return EXIT_PROBLEM;
  }
}
