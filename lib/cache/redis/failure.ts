// Why Redis is unreachable, as a short category for logs and health: never the message, which
// can echo the host or (for AUTH failures) hint at credentials.

export type RedisFailure = 'refused' | 'timeout' | 'dns' | 'reset' | 'auth' | 'closed' | 'error';

export function classifyRedisFailure(error: unknown): RedisFailure {
  if (!(error instanceof Error)) return 'error';
  const code = (error as { code?: unknown }).code;
  const text = `${typeof code === 'string' ? code : ''} ${error.message}`;
  if (/ECONNREFUSED/.test(text)) return 'refused';
  if (/ETIMEDOUT|timed? ?out/i.test(text)) return 'timeout';
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) return 'dns';
  if (/ECONNRESET|EPIPE/.test(text)) return 'reset';
  if (/NOAUTH|WRONGPASS|invalid password|AUTH/i.test(text)) return 'auth';
  if (/Connection is closed|isn't writeable|enableOfflineQueue/i.test(text)) return 'closed';
  return 'error';
}
