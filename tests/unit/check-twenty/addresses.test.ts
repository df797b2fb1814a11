import { expect, test } from 'vitest';
import { displayUrl, isPrivateHost } from '@/lib/twenty/check/addresses';

test.each([
  ['localhost', true],
  ['wall.localhost', true],
  ['127.0.0.1', true],
  ['10.1.2.3', true],
  ['172.16.0.1', true],
  ['172.32.0.1', false],
  ['192.168.1.20', true],
  ['169.254.1.1', true],
  ['[::1]', true],
  ['fd12::1', true],
  ['::ffff:10.0.0.1', true],
  ['nas.local', true],
  ['8.8.8.8', false],
  ['wall.example.com', false],
])('isPrivateHost(%s) is %s', (host, expected) => {
  expect(isPrivateHost(host)).toBe(expected);
});

test('displayUrl drops credentials, query and fragment', () => {
  expect(displayUrl('https://user:pa55@crm.example.com/?token=x#y')).toBe('https://crm.example.com');
  expect(displayUrl('not a url')).toBe('(not a URL)');
});
