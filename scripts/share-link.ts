// npm run share-link -- <slug> [--expires 30d]     prints the page, embed and TV links of a dashboard
// npm run share-link -- --hash-passcode            reads a passcode on stdin, prints a passcodeHash
//
// Reads the environment (.env, .env.local, …) and the dashboards file exactly as the app does.
// Links carry a sealed token (SESSION_PASSWORD); bump the dashboard's tokenVersion to revoke them.
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { loadEnvConfig } from '@next/env';
import { z } from 'zod';
import { envSchema, describeEnvError } from '@/lib/config/env-schema';
import { loadDashboards } from '@/lib/config/dashboards';
import { ConfigError } from '@/lib/config/errors';
import { SLUG_PATTERN } from '@/lib/access/decide';
import { parseDuration } from '@/lib/access/share-token';
import { makeShareLinks } from '@/lib/access/share-links';
import { hashPasscode } from '@/lib/access/passcode';

const linkArgsSchema = z.object({
  mode: z.literal('link'),
  slug: z.string().regex(SLUG_PATTERN, 'the dashboard slug is lowercase letters, digits and dashes'),
  expiresInSeconds: z.number({ error: '--expires takes a duration such as 12h, 30d or 52w (at most 3650d)' }).int().positive(),
});
type Args = { mode: 'hash' } | z.infer<typeof linkArgsSchema>;

const MIN_PASSCODE_CHARS = 8;

function fail(message: string): never {
  console.error(`share-link: ${message}`);
  process.exit(1);
}

function readArgs(argv: string[]): Args {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { expires: { type: 'string', default: '30d' }, 'hash-passcode': { type: 'boolean' } } });
  } catch (error) {
    fail(`${(error as Error).message}\nusage: npm run share-link -- <slug> [--expires 30d] | --hash-passcode`);
  }
  const { values, positionals } = parsed;
  if (values['hash-passcode']) return { mode: 'hash' };
  if (positionals.length !== 1) fail('give exactly one dashboard slug\nusage: npm run share-link -- <slug> [--expires 30d]');
  const result = linkArgsSchema.safeParse({ mode: 'link', slug: positionals[0], expiresInSeconds: parseDuration(values.expires ?? '') ?? undefined });
  if (!result.success) fail(result.error.issues[0]?.message ?? 'invalid arguments');
  return result.data;
}

async function readPasscode(): Promise<string> {
  const lines = createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stderr : undefined });
  if (process.stdin.isTTY) process.stderr.write('Passcode: ');
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

async function main() {
  const args = readArgs(process.argv.slice(2));
  if (args.mode === 'hash') {
    const passcode = await readPasscode();
    // Shorter passcodes fall to a patient guesser even at 5 tries a minute per address.
    if (passcode.length < MIN_PASSCODE_CHARS || passcode.length > 200) fail(`a passcode is ${MIN_PASSCODE_CHARS} to 200 characters`);
    console.log(JSON.stringify({ access: 'passcode', passcodeHash: await hashPasscode(passcode) }, null, 2));
    return;
  }
  loadEnvConfig(process.cwd(), false, { info: () => {}, error: (...m: unknown[]) => console.error(...m) });
  const env = envSchema.pick({ SESSION_PASSWORD: true, DASHBOARDS_CONFIG: true, PUBLIC_BASE_URL: true, PORT: true }).safeParse(process.env);
  if (!env.success) fail(`Invalid setting: ${describeEnvError(env.error)}`);
  let dashboards;
  try {
    dashboards = loadDashboards(env.data.DASHBOARDS_CONFIG);
  } catch (error) {
    fail(error instanceof ConfigError ? error.message : String(error));
  }
  const dashboard = dashboards.find((d) => d.slug === args.slug);
  if (!dashboard) fail(`no dashboard "${args.slug}" in ${env.data.DASHBOARDS_CONFIG} (have: ${dashboards.map((d) => d.slug).join(', ')})`);
  const links = await makeShareLinks(dashboard, {
    baseUrl: env.data.PUBLIC_BASE_URL ?? `http://localhost:${env.data.PORT}`,
    password: env.data.SESSION_PASSWORD,
    expiresInSeconds: args.expiresInSeconds,
    now: new Date(),
  }).catch((error: Error) => fail(error.message));
  const note = links.expiresAt ? `access: ${dashboard.access}, tokenVersion ${dashboard.tokenVersion}, expires ${links.expiresAt.toISOString()}` : 'public: no token needed';
  console.log(`${dashboard.title} (${dashboard.slug}) — ${note}\n`);
  console.log(`Dashboard: ${links.page}\nEmbed:     ${links.embed}\nTV:        ${links.tv}`);
}

void main();
