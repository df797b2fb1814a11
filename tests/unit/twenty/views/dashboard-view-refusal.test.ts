// Why a view dashboard is refused, as the one log line will say it: a `rejected` TwentyError that
// names the dashboard and the reason (the refusal log of lib/cache/refusals.ts prints it), for
// every way a view lookup fails and for a translation refusal; other errors pass unchanged.
import { expect, test } from 'vitest';
import { TwentyError } from '@/lib/twenty/errors';
import { translationRefusal, viewLookupRefusal } from '@/lib/twenty/views/dashboard-view';
import { ViewLookupError } from '@/lib/twenty/views/read-view';

test.each([
  ['ambiguous', 'saved view "Big deals": 2 opportunity views have this name'],
  ['not_found', 'saved view "Big deals": no opportunity view'],
  ['unsupported', 'saved view "Big deals": no saved-view API'],
  ['not_opportunity', 'saved view "Big deals": a view of a company'],
] as const)('%s → rejected, naming the dashboard', (kind, detail) => {
  const err = viewLookupRefusal('board', new ViewLookupError(kind, 'Big deals', detail.replace('saved view "Big deals": ', '')));
  expect(err).toBeInstanceOf(TwentyError);
  expect(err).toMatchObject({ kind: 'rejected', message: `Twenty rejected: dashboard board: ${detail}` });
});

test('an upstream failure while reading the view is not a refusal', () => {
  const outage = new TwentyError('unreachable', 'connection refused');
  expect(viewLookupRefusal('board', outage)).toBe(outage);
});

test('a translation refusal names the view, its id and the reason', () => {
  const err = translationRefusal('board', { id: 'v-1', name: 'Due today' }, { reason: 'operand', subject: 'f', message: 'IS_TODAY on date field "closeDate" is not captured' });
  expect(err).toMatchObject({ kind: 'rejected' });
  expect(err.message).toBe('Twenty rejected: dashboard board: saved view "Due today" (v-1): its filters cannot be applied exactly (operand: IS_TODAY on date field "closeDate" is not captured)');
});
