import { test as base, expect } from '@playwright/test';
import { Crm } from './crm';

export type StackOptions = { sandboxUrl: string; twentyVersion: '2.21' | '0.55' };

export const test = base.extend<{ crm: Crm }, StackOptions>({
  sandboxUrl: ['http://127.0.0.1:4101', { option: true, scope: 'worker' }],
  twentyVersion: ['2.21', { option: true, scope: 'worker' }],
  crm: async ({ sandboxUrl }, use) => {
    await use(new Crm(sandboxUrl));
  },
});

export { expect };
