import { afterEach, expect, test } from 'vitest';
import { createCallBudget } from '@/lib/twenty/budget';
import { DEFAULT_STAGE_OPTIONS, readStageOptions, stageOptionsFromMetadata } from '@/lib/twenty/stage-options';
import { createTransport, type LogLine } from '@/lib/twenty/transport';
import { readFixture } from './helpers/fixtures';
import { startCannedServer, type CannedAnswer } from './helpers/canned-server';

type StageField = { stage_field: { options: { id: string; value: string; label: string; color: string; position: number }[] } };
const captured = (readFixture('real/stage-options.json') as StageField).stage_field.options;

function metadataAnswer(options: unknown) {
  return {
    data: {
      objects: {
        edges: [
          { node: { nameSingular: 'company', fields: { edges: [{ node: { name: 'name', type: 'TEXT', options: null } }] } } },
          {
            node: {
              nameSingular: 'opportunity',
              fields: { edges: [{ node: { name: 'name', type: 'TEXT', options: null } }, { node: { name: 'stage', type: 'SELECT', options } }] },
            },
          },
        ],
      },
    },
  };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function read(answer: CannedAnswer) {
  const server = await startCannedServer(() => answer);
  close = server.close;
  const lines: LogLine[] = [];
  const transport = createTransport({
    apiUrl: server.url,
    apiKey: 'k',
    budget: createCallBudget({ perMinute: 600 }),
    timeoutMs: 2000,
    fetch,
    log: (l) => lines.push(l),
  });
  return { result: await readStageOptions(transport, (l) => lines.push(l)), lines, server };
}

test('the captured v0.55 options, in position order whatever order they arrive in', () => {
  const shuffled = [...captured].reverse();
  expect(stageOptionsFromMetadata(metadataAnswer(shuffled).data)).toEqual(
    [...DEFAULT_STAGE_OPTIONS].map(({ value, label, color, position }) => ({ value, label, color, position })),
  );
});

test('a workspace\'s own stages and labels win over the defaults', async () => {
  const custom = [
    { value: 'QUALIFIED', label: 'Qualified', color: 'green', position: 1 },
    { value: 'LEAD', label: 'Lead', color: 'gray', position: 0 },
  ];
  const { result, server } = await read({ body: metadataAnswer(custom) });
  expect(server.received[0]?.path).toBe('/metadata');
  expect(result).toEqual({ source: 'metadata', options: [custom[1], custom[0]] });
});

test('unreadable metadata falls back to Twenty\'s defaults and says so', async () => {
  const { result, lines } = await read({ body: { errors: [{ message: 'No payload', extensions: { code: 'UNAUTHENTICATED' } }] } });
  expect(result).toEqual({ source: 'default', options: [...DEFAULT_STAGE_OPTIONS] });
  expect(lines.find((l) => l.event === 'twenty.stage_options_fallback')).toMatchObject({ reason: 'auth' });
});

test('metadata without stage options also falls back', async () => {
  const { result, lines } = await read({ body: metadataAnswer(null) });
  expect(result.source).toBe('default');
  expect(lines.some((l) => l.event === 'twenty.stage_options_fallback')).toBe(true);
});
