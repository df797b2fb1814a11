import type { GateRefusal } from '@/lib/access/decide';

// The neutral page a refused visitor sees instead of a dashboard: plain HTML, no script, no
// dashboard data (not even its title), and never a redirect to a login.

export type Surface = 'page' | 'embed' | 'tv';
export type PageProblem = GateRefusal | 'bad_params' | 'wrong_passcode' | 'throttled';

export type AccessPageInput = {
  problem: PageProblem;
  surface: Surface;
  /** The passcode form, when a passcode can open this dashboard on this surface. */
  form?: { slug: string; returnTo: string };
  detail?: string;
  retryAfterSeconds?: number;
};

const COPY: Record<PageProblem, { heading: string; text: string }> = {
  bad_slug: { heading: 'No such dashboard', text: 'The link may be mistyped, or the dashboard was removed.' },
  unknown_dashboard: { heading: 'No such dashboard', text: 'The link may be mistyped, or the dashboard was removed.' },
  link_required: { heading: 'This dashboard needs a valid link', text: 'Ask the person who shared it for a current link.' },
  passcode_required: { heading: 'This dashboard needs a valid link', text: 'Enter the passcode, or open a share link.' },
  link_expired: { heading: 'This link has expired', text: 'Ask the person who shared it for a new link.' },
  link_invalid: { heading: 'This link is not valid', text: 'It may have been revoked or mistyped. Ask for a new link.' },
  server_misconfigured: { heading: 'This dashboard is not available', text: 'The server is not set up to share it yet.' },
  bad_params: { heading: 'This link has a setting we do not understand', text: '' },
  wrong_passcode: { heading: 'Wrong passcode', text: 'Check the passcode and try again.' },
  throttled: { heading: 'Too many attempts', text: '' },
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function throttleMessage(seconds: number): string {
  return `Too many attempts, try again in ${seconds} s`;
}

const STYLE = `*{box-sizing:border-box}html,body{margin:0;height:100%}
body{display:flex;align-items:center;justify-content:center;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f5f6fa;color:#0f172a}
body.tv{background:#030712;color:#f8fafc;font-size:clamp(20px,2.6vh,64px);cursor:none}
main{max-width:32rem;padding:2rem;text-align:center}h1{font-size:1.5em;margin:0 0 .5em}p{margin:.25em 0;color:#5b6678}.tv p{color:#a3b0c4}
form{margin-top:1.5em;display:flex;gap:.5em;justify-content:center;flex-wrap:wrap}
input{font:inherit;padding:.5em .75em;border:1px solid #cbd5e1;border-radius:.5em;min-width:12em}
button{font:inherit;padding:.5em 1.25em;border:0;border-radius:.5em;background:#4f46e5;color:#fff;cursor:pointer}
.alert{color:#b91c1c;font-weight:600}`;

export function renderAccessPage(input: AccessPageInput): string {
  const copy = COPY[input.problem];
  const lines: string[] = [];
  if (input.problem === 'throttled') lines.push(`<p class="alert" role="alert" data-testid="access-error">${escapeHtml(throttleMessage(input.retryAfterSeconds ?? 60))}</p>`);
  else if (input.problem === 'wrong_passcode') lines.push(`<p class="alert" role="alert" data-testid="access-error">${escapeHtml(copy.text)}</p>`);
  else if (copy.text) lines.push(`<p>${escapeHtml(copy.text)}</p>`);
  if (input.detail) lines.push(`<p data-testid="access-detail">${escapeHtml(input.detail)}</p>`);
  const form = input.form
    ? `<form method="post" action="/api/unlock" data-testid="passcode-form">
<input type="hidden" name="slug" value="${escapeHtml(input.form.slug)}"><input type="hidden" name="returnTo" value="${escapeHtml(input.form.returnTo)}">
<label for="passcode" style="position:absolute;left:-9999px">Passcode</label>
<input id="passcode" name="passcode" type="password" autocomplete="current-password" placeholder="Passcode" required maxlength="200" autofocus>
<button type="submit">Unlock</button></form>`
    : '';
  const heading = input.problem === 'wrong_passcode' || input.problem === 'throttled' ? COPY.passcode_required.heading : copy.heading;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Pipeline Wall</title><style>${STYLE}</style></head>
<body class="${input.surface}"><main data-testid="access-refused" data-problem="${input.problem}"><h1>${escapeHtml(heading)}</h1>${lines.join('')}${form}</main></body></html>`;
}

/** A passcode form makes sense only where a first-party cookie can follow: the full page. */
export function offersPasscodeForm(surface: Surface, access: string | undefined): boolean {
  return surface === 'page' && access === 'passcode';
}

/** Headers for the refusal page: no caching, and nothing may run or load but its own style. */
export function accessPageHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  };
}
