// npm run check-twenty      checks the connection to Twenty with the app's own settings
//
// Reads the environment (.env, .env.local, …) and the dashboards file exactly as the app does,
// then prints a table. Exit 0: all good · 1: a problem found · 2: bad settings. Never writes to
// Twenty, spends at most 20 root fields, never prints the key or a secret.
import { spawnSync } from 'node:child_process';
import { loadEnvConfig } from '@next/env';

// lib/twenty holds the API key and is marked `server-only`, which loads only under the
// react-server condition (as inside Next).
if (!process.execArgv.some((arg) => arg.includes('react-server'))) {
  const child = spawnSync(process.execPath, ['--conditions=react-server', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

async function main() {
  loadEnvConfig(process.cwd(), false, { info: () => {}, error: (...m: unknown[]) => console.error(...m) });
  const { checkTwenty } = await import('@/lib/twenty/check/main');
  process.exitCode = await checkTwenty({
    env: process.env,
    cwd: process.cwd(),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
}

void main();
