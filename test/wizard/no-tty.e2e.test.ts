/** Without a terminal the wizard never prompts: usage or one error line on stderr, exit 2, even with stdin left open. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli';

/** Runs the CLI with pipes (so no TTY) and stdin kept open: a prompt would wait forever, so a hang fails the test. */
function runOpenStdin(args: string[], env: Record<string, string | undefined>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const full: Record<string, string | undefined> = { ...process.env, DR_ADVISOR_PRICING: 'snapshot', NO_COLOR: '1', ...env };
  for (const k of Object.keys(full)) if (full[k] === undefined) delete full[k];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: full as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`dr-advisor ${args.join(' ')} waited for input instead of exiting (stderr: ${stderr})`));
    }, 20_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      child.stdin.destroy();
      resolve({ status, stdout, stderr });
    });
  });
}

const NEEDS_TERMINAL =
  'error: the wizard needs a terminal (stdin and stdout a TTY, TERM not dumb, and CI unset); without one use `dr-advisor estimate -f FILE` or `--example NAME`, or `dr-advisor init` for a template\n';

describe('no terminal', () => {
  it('`dr-advisor wizard` exits 2 with one clear line and prints nothing on stdout', async () => {
    const r = await runOpenStdin(['wizard'], { CI: undefined });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(NEEDS_TERMINAL);
    expect(r.stdout).toBe('');
  });

  it('`dr-advisor wizard --example web-app` in CI exits 2 the same way', async () => {
    const r = await runOpenStdin(['wizard', '--example', 'web-app'], { CI: 'true' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(NEEDS_TERMINAL);
  });

  it('bare `dr-advisor` prints the short usage on stderr and exits 2', async () => {
    const r = await runOpenStdin([], { CI: undefined });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe('usage: dr-advisor <command> [options]');
    expect(r.stderr).toContain('Not on a terminal, so no wizard. Run `dr-advisor --help` for more.\n');
  });
});
