import { describe, expect, test } from 'vitest';
import { explainDashboardFailure, explainReachFailure } from '@/lib/twenty/check/explain';
import { formatReport } from '@/lib/twenty/check/format';
import { exitCodeOf, row, type CheckReport } from '@/lib/twenty/check/report';
import { classifyGraphQLErrors, classifyThrown } from '@/lib/twenty/classify';
import { TwentyError } from '@/lib/twenty/errors';

// Twenty's answers as captured (real-2.21/auth, real-2.21/rate-limit), through the app's own
// classifier, then into a sentence for the user.

const URL = 'https://crm.example.com';
const authError = (message: string, code: string, subCode: string) => classifyGraphQLErrors([{ message, extensions: { code, subCode, userFriendlyMessage: { id: 'x', message: '…' } } }]);

describe('explainReachFailure', () => {
  test('a revoked key (2.21)', () => {
    expect(explainReachFailure(authError('This API Key is revoked', 'FORBIDDEN', 'FORBIDDEN_EXCEPTION'), URL, 1000)).toMatch(/^Twenty refused the key: it has been revoked .*TWENTY_API_KEY/);
  });

  test('a malformed or forged key (2.21 "Token invalid.", 0.55 "No payload")', () => {
    for (const message of ['Token invalid.', 'No payload']) {
      expect(explainReachFailure(authError(message, 'UNAUTHENTICATED', 'UNAUTHENTICATED'), URL, 1000)).toMatch(/^Twenty refused the key: it is not a valid API key for this server/);
    }
  });

  test('a role without read permission on opportunities', () => {
    const err = authError('Entity performing the request does not have permission', 'FORBIDDEN', 'PERMISSION_DENIED');
    expect(explainReachFailure(err, URL, 1000)).toMatch(/role cannot read opportunities .*read permission on Opportunities/);
  });

  test("2.21's rate limit answer", () => {
    const err = classifyGraphQLErrors([{ message: 'Limit reached (100 tokens per 60000 ms)', extensions: { subCode: 'LIMIT_REACHED', code: 'BAD_USER_INPUT' } }]);
    expect(explainReachFailure(err, URL, 1000)).toMatch(/^Twenty's rate limit is reached .*shared by every API key/);
  });

  test('nothing listening, or too slow', () => {
    const refused = classifyThrown(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }), 1000);
    expect(explainReachFailure(refused, URL, 1000)).toBe(`cannot reach ${URL}: could not connect (ECONNREFUSED). Is TWENTY_API_URL right, and is Twenty up and reachable from here?`);
    expect(explainReachFailure(new TwentyError('timeout', 'no answer'), URL, 1234)).toContain('did not answer within 1234 ms');
  });

  test('a server that is not Twenty', () => {
    expect(explainReachFailure(new TwentyError('rejected', 'request refused (HTTP 404)'), URL, 1000)).toMatch(/answered, but not as Twenty's GraphQL API would \(request refused \(HTTP 404\)\)/);
  });
});

test('a dashboard refused by Twenty and one refused by the wall read differently', () => {
  expect(explainDashboardFailure(new TwentyError('rejected', 'Filter for field "closeDate" must have exactly one operator'), 'p')).toBe(
    'Twenty refused this dashboard\'s query: Filter for field "closeDate" must have exactly one operator',
  );
  expect(explainDashboardFailure(new TwentyError('rejected', 'dashboard p: filter.ownerIds needs Twenty 1.16 or later'), 'p')).toBe(
    'the wall cannot run this dashboard on this server: filter.ownerIds needs Twenty 1.16 or later',
  );
});

describe('formatReport and the exit code', () => {
  const report = (statuses: ('ok' | 'warn' | 'fail' | 'note' | 'skip')[]): CheckReport => ({
    target: { apiUrl: URL, dashboardsFile: 'dashboards.config.json', dashboards: 1 },
    sections: [{ title: 'Dashboards', rows: statuses.map((s, i) => row(s, `d${i}`, `detail ${i}`)) }],
    spent: { counted: 7, cap: 20, introspection: 4, requests: 9 },
  });

  test('warnings, notes and skipped rows alone exit 0; one problem exits 1', () => {
    expect(exitCodeOf(report(['ok', 'warn', 'note', 'skip']))).toBe(0);
    expect(exitCodeOf(report(['ok', 'fail']))).toBe(1);
  });

  test('one aligned line per row, the figure spent, and a result line naming the problems', () => {
    const text = formatReport(report(['ok', 'fail', 'warn']));
    expect(text.split('\n')).toEqual(
      expect.arrayContaining([
        'Dashboards',
        '  ok    d0  detail 0',
        '  FAIL  d1  detail 1',
        '  WARN  d2  detail 2',
        expect.stringMatching(/^Root fields spent: 7 of 20 .*plus 4 for introspection/),
        'Result: 1 problem: d1, 1 warning → exit 1',
      ]),
    );
  });
});
