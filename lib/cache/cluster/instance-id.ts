import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** Unique per process (two processes on one host, or a restart, never share one). */
export function newInstanceId(): string {
  return `${hostname().slice(0, 40)}-${process.pid}-${randomBytes(4).toString('hex')}`;
}
