// One id per request, for logs: a caller's (or load balancer's) X-Request-Id is kept when it is
// a plain token, so one request can be followed across systems; anything else gets a new id.

export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTABLE = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdOf(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && ACCEPTABLE.test(given) ? given : crypto.randomUUID();
}
