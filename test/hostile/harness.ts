/**
 * The hostile-input suite's harness: every case runs the built CLI in its own process, bounded by a timeout in the
 * test itself (5 s, then SIGKILL), with its peak RSS measured by GNU time (`/usr/bin/time -f %M`) where there is one.
 * A case holds when its own expectations pass AND it ended in time AND stayed under the memory bound. The recorder
 * prints a summary at the end (cases tried, held, exit codes seen, the slowest case, peak RSS) and writes it as JSON
 * to `.tmp/hostile-summary.json`.
 *
 * `DR_ADVISOR_BIN=/path/to/bin/dr-advisor.js` runs the suite against another build (e.g. the branch point's).
 */
import { spawn, type StdioOptions } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN as BUILT } from '../helpers/cli';

export const BIN = process.env.DR_ADVISOR_BIN ?? BUILT;
export const ROOT = join(import.meta.dirname, '..', '..');
export const EXAMPLES = join(ROOT, 'data', 'examples');

/** No case may take longer or use more. */
export const LIMIT_MS = 5_000;
export const LIMIT_RSS_MB = 300;

const TIME = ['/usr/bin/time', '/bin/time'].find((p) => existsSync(p));

export interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  rssMb: number | null;
  timedOut: boolean;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Text for stdin, or a file to open as stdin (a device such as /dev/zero), or 'inherit-none' for /dev/null. */
  input?: string;
  stdinFile?: string;
  /** Runs as another user (root only): `setpriv` to uid/gid 65534, for EACCES as root. Runs {@link publicBuild}. */
  asNobody?: boolean;
  /** Runs inside a pseudo-terminal (util-linux `script`), for the TTY cases. */
  tty?: boolean;
  /** Called with the child once it runs (to send it a signal). */
  onSpawn?: (pid: number) => void;
  timeoutMs?: number;
  /** Starts at once, not two at a time (for the concurrent-writers case). */
  unthrottled?: boolean;
}

/** Two at a time: the machine has 2 cores shared with others. */
const MAX_PARALLEL = 2;
let running = 0;
const queue: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((r) => queue.push(r));
  running++;
  try {
    return await work();
  } finally {
    running--;
    queue.shift()?.();
  }
}

export const scratch = mkdtempSync(join(tmpdir(), 'dr-hostile-'));

function baseEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  // The case's own variables first, so that they open /proc/self/environ (the canary case).
  const env: Record<string, string | undefined> = {
    ...extra,
    ...process.env,
    CI: '1',
    NO_COLOR: '1',
    DR_ADVISOR_PRICING: 'snapshot',
    AWS_EC2_METADATA_DISABLED: 'true',
    DR_ADVISOR_CACHE_DIR: join(scratch, 'cache'),
    GITHUB_STEP_SUMMARY: undefined,
    ...extra,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env as NodeJS.ProcessEnv;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

let seq = 0;

let publicBin: string | undefined;
/**
 * A world-readable copy of the built CLI (bin/, dist/, data/, package.json) for the runs as uid 65534: a clone in a
 * private folder (`mktemp -d` is 0700) cannot be entered by that user, so it would fail to start instead of meeting
 * the unreadable file. The snapshot path needs nothing from node_modules.
 */
export function publicBuild(): string {
  if (publicBin) return publicBin;
  const root = join(BIN, '..', '..');
  const dir = mkdtempSync(join(tmpdir(), 'dr-hostile-public-'));
  for (const part of ['bin', 'dist', 'data', 'package.json']) cpSync(join(root, part), join(dir, part), { recursive: true });
  for (const p of [dir, join(dir, 'bin'), join(dir, 'dist'), join(dir, 'data'), join(dir, 'data', 'examples')]) chmodSync(p, 0o755);
  publicBin = join(dir, 'bin', 'dr-advisor.js');
  return publicBin;
}

/** The bundled examples folder of {@link publicBuild}, readable by uid 65534. */
export function publicExamples(): string {
  return join(publicBuild(), '..', '..', 'data', 'examples');
}

/** Runs `dr-advisor ...args` and measures it. Never throws for the CLI's behaviour. */
export function run(args: string[], opts: RunOptions = {}): Promise<Run> {
  return (opts.unthrottled ? (w: () => Promise<Run>) => w() : slot<Run>)(
    () =>
      new Promise<Run>((resolve) => {
        const rssFile = join(scratch, `rss-${process.pid}-${++seq}`);
        let argv = [process.execPath, opts.asNobody ? publicBuild() : BIN, ...args];
        if (opts.tty) argv = ['script', '-qec', argv.map(shellQuote).join(' '), '/dev/null'];
        if (opts.asNobody) argv = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...argv];
        if (TIME && !opts.onSpawn) argv = [TIME, '-f', '%M', '-o', rssFile, ...argv];
        let stdinFd: number | undefined;
        let stdio: StdioOptions = ['pipe', 'pipe', 'pipe'];
        if (opts.stdinFile) {
          stdinFd = openSync(opts.stdinFile, 'r');
          stdio = [stdinFd, 'pipe', 'pipe'];
        }
        const started = performance.now();
        const child = spawn(argv[0], argv.slice(1), { cwd: opts.cwd ?? scratch, env: baseEnv(opts.env), stdio, detached: true });
        if (stdinFd !== undefined) closeSync(stdinFd);
        if (!opts.stdinFile) {
          child.stdin!.on('error', () => {});
          child.stdin!.end(opts.input ?? '');
        }
        let stdout = '';
        let stderr = '';
        let outBytes = 0;
        const take = (add: (s: string) => void) => (b: Buffer) => {
          // A runaway output is itself a failure; keep the first 1 MB for the report.
          outBytes += b.length;
          if (outBytes <= 1024 * 1024) add(b.toString('utf8'));
        };
        child.stdout!.on('data', take((s) => (stdout += s)));
        child.stderr!.on('data', take((s) => (stderr += s)));
        let timedOut = false;
        const timer = setTimeout(() => {
          timedOut = true;
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            child.kill('SIGKILL');
          }
        }, opts.timeoutMs ?? LIMIT_MS);
        if (opts.onSpawn && child.pid) opts.onSpawn(child.pid);
        child.on('close', (status, signal) => {
          clearTimeout(timer);
          const ms = performance.now() - started;
          let rssMb: number | null = null;
          try {
            const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1));
            if (Number.isFinite(kb) && kb > 0) rssMb = kb / 1024;
            rmSync(rssFile, { force: true });
          } catch {
            /* no GNU time, or killed before it wrote */
          }
          // GNU time reports the child's status as its own, and a signal as 128 + n.
          let st = status;
          let sig = signal;
          if (TIME && !opts.onSpawn && st !== null && st > 128 && !timedOut) {
            sig = (['', 'SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGILL', 'SIGTRAP', 'SIGABRT', 'SIGBUS', 'SIGFPE', 'SIGKILL', 'SIGUSR1', 'SIGSEGV'][st - 128] ?? null) as NodeJS.Signals | null;
            if (sig) st = null;
          }
          // GNU time adds "Command exited with non-zero status N" / "Command terminated by signal" only to -o.
          resolve({ status: st, signal: sig, stdout, stderr, ms, rssMb, timedOut });
        });
      }),
  );
}

// ---- the record -------------------------------------------------------------------------------------------------
export interface CaseRecord {
  area: string;
  name: string;
  held: boolean;
  status: number | null;
  signal: string | null;
  ms: number;
  rssMb: number | null;
  why?: string;
}

export const records: CaseRecord[] = [];

export function record(area: string, name: string, r: Run | undefined, failure: unknown): void {
  const over =
    r === undefined
      ? 'did not run'
      : r.timedOut
        ? `took more than ${LIMIT_MS} ms (killed)`
        : r.rssMb !== null && r.rssMb > LIMIT_RSS_MB
          ? `used ${Math.round(r.rssMb)} MB, more than ${LIMIT_RSS_MB} MB`
          : undefined;
  const why = over ?? (failure ? String((failure as Error).message ?? failure).split('\n')[0].slice(0, 200) : undefined);
  records.push({
    area,
    name,
    held: why === undefined,
    status: r?.status ?? null,
    signal: r?.signal ?? null,
    ms: Math.round(r?.ms ?? 0),
    rssMb: r?.rssMb === null || r?.rssMb === undefined ? null : Math.round(r.rssMb * 10) / 10,
    ...(why ? { why } : {}),
  });
}

export function summary(): Record<string, unknown> {
  const exitCodes: Record<string, number> = {};
  for (const c of records) {
    const k = c.signal ? c.signal : String(c.status);
    exitCodes[k] = (exitCodes[k] ?? 0) + 1;
  }
  const slowest = [...records].sort((a, b) => b.ms - a.ms)[0];
  const measured = records.filter((c) => c.rssMb !== null);
  const peak = [...measured].sort((a, b) => b.rssMb! - a.rssMb!)[0];
  return {
    bin: BIN,
    cases: records.length,
    held: records.filter((c) => c.held).length,
    failed: records.filter((c) => !c.held).map((c) => `${c.area}: ${c.name}: ${c.why}`),
    exitCodes,
    slowest: slowest ? { case: `${slowest.area}: ${slowest.name}`, ms: slowest.ms } : null,
    peakRssMb: peak ? { case: `${peak.area}: ${peak.name}`, mb: peak.rssMb } : null,
    rssMeasured: measured.length,
    limits: { ms: LIMIT_MS, rssMb: LIMIT_RSS_MB },
    records,
  };
}

export function writeSummary(): string {
  const s = summary();
  const dir = join(ROOT, '.tmp');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'hostile-summary.json');
  writeFileSync(file, `${JSON.stringify(s, null, 2)}\n`);
  const lines = [
    `hostile-input suite: ${s.cases} cases tried, ${s.held} held`,
    `  exit codes seen: ${Object.entries(s.exitCodes as Record<string, number>).map(([k, v]) => `${k}×${v}`).join(', ')}`,
    `  slowest: ${JSON.stringify(s.slowest)}`,
    `  peak RSS: ${JSON.stringify(s.peakRssMb)} (${s.rssMeasured} cases measured)`,
    ...(s.failed as string[]).map((f) => `  did not hold: ${f}`),
    `  written to ${file}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return file;
}

// ---- what every error line must look like ------------------------------------------------------------------------
/** Raw C0 (except newline), DEL and C1 control characters: none may reach the terminal. */
// eslint-disable-next-line no-control-regex
export const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/** Removes the suite's scratch folder (FIFOs, the 10,001-file folder, ...). */
export function removeScratch(): void {
  rmSync(scratch, { recursive: true, force: true });
  if (publicBin) rmSync(join(publicBin, '..', '..'), { recursive: true, force: true });
}

export function fresh(name: string): string {
  const d = join(scratch, `${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}-${++seq}`);
  mkdirSync(d, { recursive: true });
  return d;
}
