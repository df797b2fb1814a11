import { spawn } from 'node:child_process';

// Runs one of the repo's TypeScript entry points the way npm does (through tsx) and collects
// what it printed and how it exited.

export function runScript(
  file: string,
  args: string[],
  opts: { env?: Record<string, string | undefined>; input?: string } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('node_modules/.bin/tsx', [file, ...args], { env: { ...process.env, ...opts.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}
