import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Report } from '../../src/advisor/types';
import { prefill } from '../../src/cli/commands/wizard';
import { estimateReport } from '../../src/cli/pipeline';
import { knownDbInstanceClasses, knownInstanceTypes } from '../../src/pricing/snapshot/catalog';
import { renderTable } from '../../src/report/table';
import { loadExample } from '../../src/workload/load';
import { validateWorkload, type Workload } from '../../src/workload/validate';
import { checkCommand, checkFileName, runWizard, workloadFileText, type WizardFiles } from '../../src/wizard/flow';
import type { Answer } from './canned';
import { cannedPrompt } from './canned';

function memoryFiles(initial: Record<string, string> = {}, dirs: string[] = ['.']) {
  const store = new Map(Object.entries(initial));
  const writes: { path: string; force: boolean }[] = [];
  const files: WizardFiles = {
    kind: (p) => (dirs.includes(p) ? 'dir' : store.has(p) ? 'file' : 'missing'),
    folderOf: (p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '.'),
    write: (p, content, force) => {
      if (store.has(p) && !force) throw new Error('overwrite without force');
      writes.push({ path: p, force });
      store.set(p, content);
    },
  };
  return { files, store, writes };
}

const snapshotEstimate = (w: Workload): Promise<Report> =>
  estimateReport(w, { mode: 'snapshot', offline: true }, { now: () => new Date('2026-07-20T00:00:00Z') }).then((r) => r.report);

async function run(answers: Answer[], fs = memoryFiles()) {
  const prompt = cannedPrompt(answers);
  const out: string[] = [];
  const { draft, source } = prefill({ example: 'web-app' });
  const result = await runWizard(draft, source, {
    prompt,
    catalog: { instanceTypes: knownInstanceTypes(), dbClasses: (e) => knownDbInstanceClasses(e) },
    estimate: snapshotEstimate,
    render: (r) => renderTable(r, { color: false, explain: false }),
    print: (t) => out.push(t),
    files: fs.files,
  });
  return { result, prompt, out: out.join(''), fs };
}

/** Enter at the 15 questions of the web-app example, and at the review. */
const ENTER_15 = Array(16).fill('');

describe('runWizard', () => {
  it('prices the answers, shows the table and the recommendation, saves the file and prints the CI command', async () => {
    const { result, prompt, out, fs } = await run([...ENTER_15, '', '', '']);
    expect(prompt.left()).toBe(0);
    const rec = result.report.recommendation;
    // The recommended option may be a drop-in variant of a strategy (priced beside the four): its base is recorded.
    const recommended = [...result.report.strategies, ...result.report.variants].find((s) => s.id === rec.strategy)!;
    const recName = recommended.name;
    expect(out).toContain('Pre-filled from example web-app.');
    expect(out).toContain(`Recommendation: ${recName}. ${rec.reason}`);
    expect(out).toContain('Saved dr-workload.yaml.\nIn CI, gate on budget and targets with:\n  dr-advisor check -f dr-workload.yaml\n');
    // The strategy question defaults to the strategy the example file names (pilot-light), not to the recommended
    // one (active-active here), so Enter never changes what CI gates on; it lists only the four base ids.
    const strategyQ = prompt.asked.find((a) => a.message === 'Strategy you run or plan to run')!;
    expect(rec.base).toBe(recommended.base);
    expect(recommended.base).not.toBe('pilot-light');
    expect(strategyQ.default).toBe('pilot-light');
    expect(strategyQ.choices).toEqual(['backup-restore', 'pilot-light', 'warm-standby', 'active-active']);
    expect(fs.writes).toEqual([{ path: 'dr-workload.yaml', force: false }]);
    const text = fs.store.get('dr-workload.yaml')!;
    expect(text.split('\n')[0]).toBe('# dr-advisor workload file (version 1), written by `dr-advisor wizard`.');
    expect(text).toContain('  count: 2 # number of application servers in the primary region\n');
    const saved = validateWorkload(parseYaml(text), 'saved');
    expect(saved).toEqual({ ...loadExample('web-app'), strategy: strategyQ.default });
    expect(result.saved).toBe('dr-workload.yaml');
  });

  it('with no strategy in the pre-filled answers, the strategy question defaults to the recommended one', async () => {
    const prompt = cannedPrompt([...Array(14).fill(''), '', '', '', '']);
    const { draft } = prefill({});
    expect(draft.strategy).toBeUndefined();
    const fs = memoryFiles();
    const result = await runWizard(draft, undefined, {
      prompt,
      catalog: { instanceTypes: knownInstanceTypes(), dbClasses: (e) => knownDbInstanceClasses(e) },
      estimate: snapshotEstimate,
      render: (r) => renderTable(r, { color: false, explain: false }),
      print: () => {},
      files: fs.files,
    });
    // The recommendation may be a drop-in variant: the question defaults to its base strategy.
    const rec = result.report.recommendation;
    const strategyQ = prompt.asked.find((a) => a.message === 'Strategy you run or plan to run')!;
    expect(strategyQ.default).toBe(rec.base);
    expect(parseYaml(fs.store.get('dr-workload.yaml')!).strategy).toBe(rec.base);
  });

  it('--from FILE keeps the file’s strategy as the save step’s default, even when another is recommended', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dr-from-')), 'mine.yaml');
    writeFileSync(file, readFileSync('data/examples/web-app.yaml', 'utf8').replace('strategy: pilot-light', 'strategy: warm-standby'));
    const prompt = cannedPrompt([...ENTER_15, '', '', '']);
    const { draft, source } = prefill({ from: file });
    expect(source).toBe(file);
    expect(draft.strategy).toBe('warm-standby');
    const fs = memoryFiles();
    const result = await runWizard(draft, source, {
      prompt,
      catalog: { instanceTypes: knownInstanceTypes(), dbClasses: (e) => knownDbInstanceClasses(e) },
      estimate: snapshotEstimate,
      render: (r) => renderTable(r, { color: false, explain: false }),
      print: () => {},
      files: fs.files,
    });
    // The recommendation may be a drop-in variant (issue 12): compare its base strategy.
    expect(result.report.recommendation.base).not.toBe('warm-standby');
    const strategyQ = prompt.asked.find((a) => a.message === 'Strategy you run or plan to run')!;
    expect(strategyQ.default).toBe('warm-standby');
    expect(parseYaml(fs.store.get('dr-workload.yaml')!).strategy).toBe('warm-standby');
  });

  it('asks before overwriting; No asks for another name, and the existing file is untouched', async () => {
    const fs = memoryFiles({ 'dr-workload.yaml': 'mine' }, ['.', 'ci']);
    const { prompt, out } = await run([...ENTER_15, '', 'warm-standby', '', false, 'ci', 'nowhere/x.yaml', 'ci/dr.yaml'], fs);
    expect(prompt.asked.filter((a) => a.kind === 'confirm').map((a) => [a.message, a.default, a.answer])).toEqual([
      ['Save these answers as a workload file?', true, true],
      ['dr-workload.yaml already exists. Overwrite it?', false, false],
    ]);
    expect(prompt.rejected).toEqual([
      { message: 'File name', typed: 'ci', error: 'ci is a directory; give a file name' },
      { message: 'File name', typed: 'nowhere/x.yaml', error: 'folder nowhere does not exist' },
    ]);
    expect(fs.store.get('dr-workload.yaml')).toBe('mine');
    expect(parseYaml(fs.store.get('ci/dr.yaml')!).strategy).toBe('warm-standby');
    expect(out).toContain('dr-advisor check -f ci/dr.yaml');
  });

  it('overwrites only after a yes', async () => {
    const fs = memoryFiles({ 'dr-workload.yaml': 'mine' });
    await run([...ENTER_15, '', '', '', true], fs);
    expect(fs.writes).toEqual([{ path: 'dr-workload.yaml', force: true }]);
    expect(fs.store.get('dr-workload.yaml')).toContain('name: checkout');
  });

  it('writes nothing when the user declines to save', async () => {
    const fs = memoryFiles();
    const { out, result } = await run([...ENTER_15, false], fs);
    expect(fs.writes).toEqual([]);
    expect(result.saved).toBeUndefined();
    expect(out).toMatch(/Not saved\. Run the wizard again, or `dr-advisor init` for a commented template\.\n$/);
  });
});

describe('saving helpers', () => {
  it('checks file names', () => {
    const { files } = memoryFiles({}, ['.', 'dir']);
    expect(checkFileName('  ', files)).toBe('file name must not be empty');
    expect(checkFileName('dir', files)).toBe('dir is a directory; give a file name');
    expect(checkFileName('no/such.yaml', files)).toBe('folder no does not exist');
    expect(checkFileName('dir/ok.yaml', files)).toBe(true);
  });

  it('quotes file names the shell would split', () => {
    expect(checkCommand('dr-workload.yaml')).toBe('dr-advisor check -f dr-workload.yaml');
    expect(checkCommand('my file.yaml')).toBe("dr-advisor check -f 'my file.yaml'");
    expect(checkCommand("it's.yaml")).toBe("dr-advisor check -f 'it'\\''s.yaml'");
  });

  it('renders a commented file that loads back to the same workload', () => {
    const w = { ...loadExample('global-saas'), strategy: 'active-active' as const };
    const text = workloadFileText(w, 'x.yaml');
    expect(text).toContain('# Price it: dr-advisor estimate -f x.yaml   ·   CI gate: dr-advisor check -f x.yaml');
    expect(validateWorkload(parseYaml(text))).toEqual(w);
  });

  it('saves every part of a multi-part workload, in the list form, each field commented', () => {
    const w = validateWorkload({
      regions: { primary: 'us-east-1' },
      compute: [{ name: 'web', instanceType: 'm5.large', count: 4 }, { name: 'workers', instanceType: 'c5.xlarge', count: 2 }],
      database: [{ name: 'orders', engine: 'aurora-postgresql', storageGb: 500 }, { name: 'sessions', engine: 'dynamodb', storageGb: 20 }],
    });
    const text = workloadFileText(w, 'x.yaml');
    expect(validateWorkload(parseYaml(text))).toEqual(w);
    expect(text).toContain('  - name: workers # the part\'s name, used in line items and recovery phases (lowercase letters, digits and -)\n    instanceType: c5.xlarge # EC2 instance type of the application servers');
    expect(text).not.toContain('tiers:');
  });
});

describe('prefill', () => {
  it('refuses --from and --example together', () => {
    expect(() => prefill({ from: 'a.yaml', example: 'web-app' })).toThrow('give either --from FILE or --example NAME, not both');
  });
  it('names the example in its errors', () => {
    expect(() => prefill({ example: 'nope' })).toThrow(/^--example must be one of .*\(got "nope"\)$/);
  });
  it('reads a file as written, without freezing the defaults that follow other fields', () => {
    const { draft, source } = prefill({ from: 'data/examples/serverless-dynamodb.yaml' });
    expect(source).toBe('data/examples/serverless-dynamodb.yaml');
    expect(draft.business.regionEventsPerYear).toBeUndefined();
    expect(draft.compute).toEqual({ instanceType: 'c5.large', count: 3, ebsGbPerInstance: 20, ebsVolumesPerInstance: 1 });
  });
  it('starts from the init starter when nothing is given', () => {
    expect(prefill({}).draft.name).toBe('my-service');
  });
});
