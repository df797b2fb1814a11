// Runs once when the server starts: bad settings stop the process with one line, no stack trace.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { checkStartup } = await import('./lib/server/startup');
  checkStartup();
}
