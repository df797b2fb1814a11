// npm run sandbox -- [--port 4100] [--api-key KEY]... [--read-only-api-key KEY]... [--user-token T]...
//   [--opportunities N] [--seed N] [--anchor YYYY-MM-DD] [--rate-limit N]
//   [--twenty-version 2.21|0.55] (current = 2.21) [--webhook-url URL]... [--webhook-secret S]
//   [--activity MS] [--host 127.0.0.1] [--fault MODE [--fault-ms MS] [--fault-shape 2.x|1.x|0.55]] [--canaries]
// Prints exactly one line on stdout once listening; bad flags print one line on stderr, exit 2.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startSandbox } from '@/sandbox/index';
import { sandboxOptionsSchema } from '@/sandbox/options';

const FLAG_OF: Record<string, string> = {
  port: '--port', host: '--host', apiKey: '--api-key', extraApiKeys: '--api-key', readOnlyApiKeys: '--read-only-api-key', userTokens: '--user-token',
  webhookUrls: '--webhook-url', webhookSecret: '--webhook-secret',
  opportunities: '--opportunities', seed: '--seed', anchor: '--anchor', rateLimit: '--rate-limit',
  twentyVersion: '--twenty-version', activityMs: '--activity', fault: '--fault', canaries: '--canaries',
};

const USAGE = `usage: npm run sandbox -- [--port 4100] [--api-key KEY]... [--read-only-api-key KEY]... [--user-token T]...
  [--opportunities N] [--seed N] [--anchor YYYY-MM-DD] [--rate-limit N]
  [--twenty-version 2.21|0.55] (current = 2.21) [--webhook-url URL]... [--webhook-secret S]
  [--activity MS] [--host 127.0.0.1] [--fault MODE [--fault-ms MS] [--fault-shape 2.x|1.x|0.55]] [--canaries]
`;

function fail(message: string): never {
  process.stderr.write(`sandbox: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(2);
}

/** Flag text to number; NaN for anything else, so zod names the bad flag. */
const numberFlag = (text: string | undefined) => (text === undefined ? undefined : /^-?\d+$/.test(text.trim()) ? Number(text) : Number.NaN);

/** Raw flag values; validation (and its messages) is left to the options schema. */
function readFlags(argv: string[]): Record<string, unknown> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' }, host: { type: 'string' }, 'api-key': { type: 'string', multiple: true },
      'read-only-api-key': { type: 'string', multiple: true }, 'user-token': { type: 'string', multiple: true },
      'webhook-url': { type: 'string', multiple: true }, 'webhook-secret': { type: 'string' },
      opportunities: { type: 'string' }, seed: { type: 'string' }, anchor: { type: 'string' },
      'rate-limit': { type: 'string' }, 'twenty-version': { type: 'string' }, activity: { type: 'string' },
      fault: { type: 'string' }, 'fault-ms': { type: 'string' }, 'fault-shape': { type: 'string' }, canaries: { type: 'boolean' },
    },
  });
  const faultDetail = values['fault-ms'] !== undefined || values['fault-shape'] !== undefined;
  return {
    port: numberFlag(values.port),
    host: values.host,
    apiKey: values['api-key']?.[0] ?? process.env.SANDBOX_API_KEY,
    extraApiKeys: values['api-key']?.slice(1),
    readOnlyApiKeys: values['read-only-api-key'],
    userTokens: values['user-token'],
    webhookUrls: values['webhook-url'],
    webhookSecret: values['webhook-secret'],
    opportunities: numberFlag(values.opportunities),
    seed: numberFlag(values.seed),
    anchor: values.anchor,
    rateLimit: numberFlag(values['rate-limit']),
    twentyVersion: values['twenty-version'],
    activityMs: numberFlag(values.activity),
    fault:
      values.fault === undefined && !faultDetail
        ? undefined
        : { mode: values.fault ?? 'none', ms: numberFlag(values['fault-ms']), shape: values['fault-shape'] },
    canaries: values.canaries ?? false,
  };
}

async function main(): Promise<void> {
  if (process.argv.slice(2).some((arg) => arg === '--help' || arg === '-h')) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  let input: Record<string, unknown>;
  try {
    input = readFlags(process.argv.slice(2));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const parsed = sandboxOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = FLAG_OF[String(issue?.path[0] ?? '')] ?? 'options';
    fail(`${flag}: ${issue ? z.prettifyError(new z.ZodError([issue])).replace(/^✖ /, '').split('\n')[0] : 'invalid'}`);
  }
  const sandbox = await startSandbox(parsed.data).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
  process.stdout.write(`Twenty demo workspace ready at ${sandbox.url}\n`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
