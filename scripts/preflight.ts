// Run by `npm start` (scripts/start.mjs) before the server starts: reads the environment the way
// `next start` will (.env files included) and checks every setting the app refuses to start with.
// Bad: one line on stderr naming the setting, exit 1. Good: prints the path the banner shows.
import { loadEnvConfig } from '@next/env';
import { ConfigError } from '@/lib/config/errors';
import { checkSettings } from '@/lib/server/settings-check';

loadEnvConfig(process.cwd(), false, { info: () => {}, error: (...m: unknown[]) => console.error(...m) });
try {
  process.stdout.write(`${checkSettings(process.env).bannerPath}\n`);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(1);
}
