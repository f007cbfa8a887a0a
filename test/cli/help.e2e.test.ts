/** Commands a person mistypes or asks about: suggestions, `help [command]`, examples in every --help, completion. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';

/** Every command and subcommand path. */
const COMMANDS = [['estimate'], ['check'], ['init'], ['pricing'], ['pricing', 'status'], ['pricing', 'refresh'], ['schema'], ['wizard'], ['completion'], ['help']];

describe('unknown and missing commands', () => {
  it('a mistyped command: one line naming it and the nearest command, exit 2', () => {
    for (const [typed, meant] of [['estimat', 'estimate'], ['chek', 'check'], ['wizzard', 'wizard'], ['complete', 'completion'], ['scheme', 'schema']]) {
      const r = runCli([typed]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`error: unknown command '${typed}' (did you mean ${meant}?)\n`);
    }
  });

  it('a command nothing is close to: no wild guess, a pointer to --help', () => {
    const r = runCli(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("error: unknown command 'frobnicate' (run `dr-advisor --help` for the commands)\n");
  });

  it('a mistyped subcommand of pricing, and of help', () => {
    expect(runCli(['pricing', 'stat'])).toMatchObject({ status: 2, stderr: "error: unknown command 'stat' (did you mean status?)\n" });
    expect(runCli(['help', 'estimat'])).toMatchObject({ status: 2, stderr: "error: unknown command 'estimat' (did you mean estimate?)\n" });
  });
});

describe('help', () => {
  it('`help` is the root help; `help <command>` and `help pricing refresh` are that command’s, exit 0, on stdout', () => {
    const root = runCli(['help']);
    expect(root.status).toBe(0);
    expect(root.stdout).toBe(runCli(['--help']).stdout);
    expect(root.stdout).toContain('help [command...]');
    expect(root.stdout).toContain('completion <shell>');
    const est = runCli(['help', 'estimate']);
    expect(est.status).toBe(0);
    expect(est.stdout).toBe(runCli(['estimate', '--help']).stdout);
    expect(est.stdout.split('\n')[0]).toBe('Usage: dr-advisor estimate [options]');
    expect(runCli(['help', 'pricing', 'refresh']).stdout.split('\n')[0]).toBe('Usage: dr-advisor pricing refresh [options]');
  });

  it('every --help ends with examples, and every example names a real command', () => {
    const names = new Set(COMMANDS.map((c) => c[0]));
    for (const cmd of [[], ...COMMANDS]) {
      const r = runCli([...cmd, '--help']);
      expect(r.status, cmd.join(' ')).toBe(0);
      const block = r.stdout.split('\nExamples:\n')[1];
      expect(block, `${cmd.join(' ') || 'dr-advisor'} --help has examples`).toBeDefined();
      const lines = block.replace(/\s+$/, '').split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(2);
      for (const line of lines) {
        const m = /^ {2}\$ (.+?)\s+# \S/.exec(line);
        expect(m, line).not.toBeNull();
        const words = m![1].replace(/^eval "\$\(|^.*\| /, '').split(' ');
        expect(words[0]).toBe('dr-advisor');
        if (words[1]) expect(names.has(words[1]), line).toBe(true);
      }
    }
  });
});

describe('completion', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dr-completion-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const script = (shell: string) => {
    const r = runCli(['completion', shell]);
    expect(r.status).toBe(0);
    return r.stdout;
  };

  it('bash accepts the script (bash -n)', () => {
    const file = join(dir, 'dr-advisor.bash');
    writeFileSync(file, script('bash'));
    const r = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('bash completes commands, subcommands, flags and their values', () => {
    const file = join(dir, 'dr-advisor.bash');
    writeFileSync(file, script('bash'));
    writeFileSync(join(dir, 'svc.yaml'), 'x');
    const complete = (line: string): string[] => {
      const words = line.split(' ');
      const r = spawnSync('bash', ['-c', `source ${JSON.stringify(file)}; COMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(' ')}); COMP_CWORD=${words.length - 1}; _dr_advisor; printf '%s\\n' "\${COMPREPLY[@]}"`], {
        encoding: 'utf8', cwd: dir,
      });
      expect(r.stderr).toBe('');
      return r.stdout.split('\n').filter(Boolean).sort();
    };
    expect(complete('dr-advisor est')).toEqual(['estimate']);
    expect(complete('dr-advisor ')).toEqual(['check', 'completion', 'estimate', 'help', 'import', 'init', 'pricing', 'schema', 'wizard']);
    expect(complete('dr-advisor pricing ')).toEqual(['help', 'refresh', 'status']);
    expect(complete('dr-advisor estimate --form')).toEqual(['--format']);
    expect(complete('dr-advisor estimate --format ')).toEqual(['json', 'markdown', 'table']);
    expect(complete('dr-advisor check --format ')).toEqual(['github', 'json', 'markdown', 'table']);
    expect(complete('dr-advisor estimate --example ')).toEqual(['global-saas', 'serverless-dynamodb', 'web-app']);
    expect(complete('dr-advisor check --strategy ')).toEqual(['active-active', 'backup-restore', 'pilot-light', 'warm-standby']);
    expect(complete('dr-advisor estimate --primary-region eu-west-')).toEqual(expect.arrayContaining(['eu-west-1']));
    expect(complete('dr-advisor check -f sv')).toEqual(['svc.yaml']);
    expect(complete('dr-advisor schema ')).toEqual(['check', 'output', 'workload']);
    expect(complete('dr-advisor completion ')).toEqual(['bash', 'fish', 'zsh']);
    expect(complete('dr-advisor help pr')).toEqual(['pricing']);
    expect(complete('dr-advisor pricing status --')).toEqual(['--debug', '--format', '--help', '--no-color']);
    expect(complete('dr-advisor check --')).toEqual(expect.arrayContaining(['--baseline', '--out-file', '--quiet', '--force', '--max-increase']));
  });

  const hasZsh = spawnSync('zsh', ['--version']).status === 0;
  const hasFish = spawnSync('fish', ['--version']).status === 0;
  it.skipIf(!hasZsh)(`zsh accepts its script (zsh -n)${hasZsh ? '' : ' — skipped: zsh is not installed'}`, () => {
    const file = join(dir, '_dr-advisor');
    writeFileSync(file, script('zsh'));
    expect(spawnSync('zsh', ['-n', file], { encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
  });
  it.skipIf(!hasFish)(`fish accepts its script (fish -n)${hasFish ? '' : ' — skipped: fish is not installed'}`, () => {
    const file = join(dir, 'dr-advisor.fish');
    writeFileSync(file, script('fish'));
    expect(spawnSync('fish', ['-n', file], { encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
    const complete = (line: string) =>
      spawnSync('fish', ['--no-config', '-c', `source ${file}; complete -C ${JSON.stringify(line)}`], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]).sort();
    expect(complete('dr-advisor est')).toEqual(['estimate']);
    expect(complete('dr-advisor pricing ')).toEqual(['help', 'refresh', 'status']);
    expect(complete('dr-advisor estimate --format ')).toEqual(['json', 'markdown', 'table']);
  });

  it('zsh and fish scripts name every command; an unknown shell is refused', () => {
    const zsh = script('zsh');
    expect(zsh.startsWith('#compdef dr-advisor\n')).toBe(true);
    const fish = script('fish');
    for (const c of ['estimate', 'check', 'init', 'pricing', 'schema', 'wizard', 'completion']) {
      expect(zsh).toContain(`'${c}'`);
      expect(fish).toContain(`-a ${c} `);
    }
    expect(fish).toContain("-l format -x -a 'table json markdown'");
    expect(runCli(['completion', 'tcsh'])).toMatchObject({ status: 2, stderr: 'error: completion needs a shell: bash, zsh or fish (got "tcsh")\n' });
    expect(runCli(['completion']).status).toBe(2);
  });
});
