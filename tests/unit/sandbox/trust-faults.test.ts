import { spawn } from 'node:child_process';
import { afterEach, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import { CANARY_MARKER } from '@/sandbox/records/canaries';
import { API_KEY, dataOf, gql, start } from '@/tests/unit/sandbox/harness';

const ONE = `query { opportunities(first: 1) { totalCount } companies(first: 1) { totalCount } }`;
const opened: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});
async function open(options: Parameters<typeof start>[0] = {}): Promise<Sandbox> {
  const sandbox = await start({ opportunities: 40, ...options });
  opened.push(sandbox);
  return sandbox;
}
const setFault = (sandbox: Sandbox, fault: unknown) =>
  fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', headers: { Authorization: `Bearer ${API_KEY}` }, body: JSON.stringify(fault) });

test('rate-limited answers in each shape: 2.x RATE_LIMITED + retryAfterMs, 1.x (2.21\'s default) "Limit reached", v0.55 "Too many requests."', async () => {
  const sandbox = await open();
  expect((await setFault(sandbox, { mode: 'rate-limited', shape: '2.x', ms: 1500 })).status).toBe(200);
  const v2 = await gql(sandbox, ONE);
  expect([v2.status, v2.body.data]).toEqual([200, null]);
  expect(v2.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 1500, limitKind: 'speed' });

  // The throttler's answer, as the real 2.21 gave it (real-2.21/rate-limit): each root field null.
  await setFault(sandbox, { mode: 'rate-limited', shape: '1.x' });
  const v1 = await gql(sandbox, ONE);
  const limitReached = { message: 'Limit reached (100000 tokens per 60000 ms)', extensions: { subCode: 'LIMIT_REACHED', userFriendlyMessage: 'Rate limit reached. Please try again later.', code: 'BAD_USER_INPUT' } };
  expect(v1.body).toEqual({ data: { opportunities: null, companies: null }, errors: [limitReached, limitReached] });

  await setFault(sandbox, { mode: 'rate-limited', shape: '0.55' });
  const v055 = await gql(sandbox, ONE);
  expect(v055.body.data).toEqual({ opportunities: null, companies: null });
  expect(v055.body.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
    ['Too many requests.', 'INTERNAL_SERVER_ERROR'],
    ['Too many requests.', 'INTERNAL_SERVER_ERROR'],
  ]);
  expect(sandbox.log.entries().every((e) => e.rateLimited)).toBe(true);
});

test('a shape is refused for faults other than rate-limited; graphql-error answers 200 with a resolver error', async () => {
  const sandbox = await open();
  expect((await setFault(sandbox, { mode: 'down', shape: '1.x' })).status).toBe(400);
  await setFault(sandbox, { mode: 'graphql-error' });
  const reply = await gql(sandbox, ONE);
  expect([reply.status, reply.body]).toEqual([200, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }], data: null }]);
});

test('a fault can be on from the start (startSandbox option and the CLI --fault flag)', async () => {
  const sandbox = await open({ fault: { mode: 'http-500' } });
  expect((await fetch(`${sandbox.url}/graphql`, { method: 'POST', body: '{}' })).status).toBe(500);

  const child = spawn('node_modules/.bin/tsx', ['sandbox/cli.ts', '--port', '0', '--api-key', 'k', '--opportunities', '5', '--fault', 'rate-limited', '--fault-shape', '1.x']);
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        const match = /ready at (\S+)/.exec(d.toString());
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const answer = await fetch(`${url}/graphql`, { method: 'POST', headers: { Authorization: 'Bearer k', 'Content-Type': 'application/json' }, body: JSON.stringify({ query: ONE }) });
    expect(((await answer.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(/^Limit reached/);
  } finally {
    child.kill('SIGTERM');
  }
});

test('the CLI names a bad --fault in one line and exits 2', async () => {
  const child = spawn('node_modules/.bin/tsx', ['sandbox/cli.ts', '--api-key', 'k', '--fault', 'sideways']);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code).toBe(2);
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toContain('--fault');
});

type PeopleAnswer = { people: { totalCount: number; edges: { node: { name: { firstName: string; lastName: string }; emails: { primaryEmail: string }; phones: { primaryPhoneNumber: string } } }[] } };
type DealsAnswer = { opportunities: { edges: { node: { name: string; createdBy: { name: string; workspaceMemberId: string | null }; company: { name: string } | null; pointOfContact: { name: { firstName: string } } | null } }[] } };
const PEOPLE = `query { people(first: 60) { totalCount edges { node { name { firstName lastName } emails { primaryEmail } phones { primaryPhoneNumber } } } } }`;
const DEALS = `query { opportunities(first: 60) { edges { node { name createdBy { name workspaceMemberId } company { name } pointOfContact { name { firstName } } } } } }`;

test('--canaries plants the marker in deal, company, people and member names, emails and phones', async () => {
  const sandbox = await open({ canaries: true });
  const people = dataOf<PeopleAnswer>(await gql(sandbox, PEOPLE)).people;
  expect(people.totalCount).toBeGreaterThan(0);
  for (const { node } of people.edges) {
    for (const value of [node.name.firstName, node.name.lastName, node.emails.primaryEmail, node.phones.primaryPhoneNumber]) expect(value).toContain(CANARY_MARKER);
  }
  const deals = dataOf<DealsAnswer>(await gql(sandbox, DEALS)).opportunities.edges.map((e) => e.node);
  expect(deals.every((d) => d.name.includes(CANARY_MARKER))).toBe(true);
  expect(deals.filter((d) => d.company).every((d) => d.company?.name.includes(CANARY_MARKER))).toBe(true);
  expect(deals.some((d) => d.pointOfContact?.name.firstName.includes(CANARY_MARKER))).toBe(true);
  const byMembers = deals.filter((d) => d.createdBy.workspaceMemberId);
  expect(byMembers.length).toBeGreaterThan(0);
  expect(byMembers.every((d) => d.createdBy.name.includes(CANARY_MARKER))).toBe(true);
  // Canaries are unique per record: a leak names the record it came from.
  expect(new Set(deals.map((d) => d.name)).size).toBe(deals.length);
});

test('without --canaries nothing carries the marker, and the deals are the same records with the same money', async () => {
  const plain = await open();
  const planted = await open({ canaries: true });
  const plainDeals = plain.store.opportunities.all();
  expect(JSON.stringify(dataOf(await gql(plain, DEALS)))).not.toContain(CANARY_MARKER);
  expect(JSON.stringify(dataOf(await gql(plain, PEOPLE)))).not.toContain(CANARY_MARKER);
  const strip = (rows: typeof plainDeals) => rows.map((r) => [r.id, r.stage, r.amountMicros, r.currencyCode, r.closeDate, r.deletedAt]);
  expect(strip(planted.store.opportunities.all())).toEqual(strip(plainDeals));
});
