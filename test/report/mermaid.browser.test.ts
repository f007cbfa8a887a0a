/**
 * The Markdown report's pictures, rendered by mermaid in a real headless Chromium: every chart of the three examples
 * renders (no parse error, an SVG); each strategy's gantt has one bar per recovery phase and adds up to its typical
 * RTO; the frontier's labels (and every other text of the chart) neither overlap nor leave the picture, and number
 * each plotted option once, as the table below it does. Skipped, with the reason, when Chromium is not installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { formatDuration } from '../../src/text/format';
import { HAS_CHROMIUM, mermaidBlocks, NO_CHROMIUM_REASON, openMermaid, overlaps, type MermaidBrowser, type RenderedText } from '../helpers/mermaid-browser';

/** The three examples, and a plan of two tiers and two data stores (issue 14: a gantt section per part). */
const EXAMPLES = ['web-app', 'serverless-dynamodb', 'global-saas', 'multi-part'] as const;
const source = (e: string) => (e === 'multi-part' ? ['-f', 'test/fixtures/terraform/multi-part.plan.json'] : ['--example', e]);

interface Phase { label: string; seconds: number; branch: 'serial' | 'data' | 'compute' }
interface Strategy { name: string; rtoSeconds: number; rtoTypicalSumSeconds: number; phases: Phase[] }

const report = Object.fromEntries(
  EXAMPLES.map((e) => {
    const md = runCli(['estimate', ...source(e), '--format', 'markdown', '--samples', '500']).stdout;
    const json = JSON.parse(runCli(['estimate', ...source(e), '--format', 'json', '--samples', '500']).stdout) as { strategies: Strategy[]; frontier: { id: string; sameAs: string | null }[] };
    return [e, { md, json, blocks: mermaidBlocks(md) }];
  }),
);

/** The gantt's tasks, parsed from its text: name, id, dependencies, seconds. */
function ganttTasks(chart: string) {
  return [...chart.matchAll(/^ {4}(.+?) :(p\d+), (after [p\d ]+|00:00:00), (\d+)s$/gm)].map((m) => ({
    name: m[1], id: m[2], after: m[3] === '00:00:00' ? [] : m[3].slice(6).split(' '), seconds: Number(m[4]),
  }));
}

describe('the Markdown charts, as text', () => {
  it('one gantt per strategy and one frontier per report', () => {
    for (const e of EXAMPLES) {
      const { blocks, json } = report[e];
      expect(blocks.filter((b) => b.startsWith('gantt\n'))).toHaveLength(json.strategies.length);
      expect(blocks.filter((b) => b.startsWith('quadrantChart\n'))).toHaveLength(1);
    }
  });

  it('each gantt has the strategy’s phases, the branches side by side, and ends at its typical RTO', () => {
    for (const e of EXAMPLES) {
      const { blocks, json } = report[e];
      const gantts = blocks.filter((b) => b.startsWith('gantt\n'));
      json.strategies.forEach((s, i) => {
        const chart = gantts[i];
        expect(chart).toContain(`title ${s.name}: typical recovery`);
        const tasks = ganttTasks(chart);
        expect(tasks.map((t) => t.name)).toEqual(s.phases.map((p) => p.label.replace(/:/g, ' -').replace(/#/g, 'no. ').replace(/;/g, ',')));
        // End of each task = its seconds + the latest end of what it comes after; the chart's end is the sum of the
        // typical phase values (the headline RTO is the simulated median since issue 12, shown in the title).
        const end = new Map<string, number>();
        for (const t of tasks) end.set(t.id, t.seconds + Math.max(0, ...t.after.map((d) => end.get(d)!)));
        expect(Math.abs(Math.max(...end.values()) - s.rtoTypicalSumSeconds)).toBeLessThanOrEqual(tasks.length);
        expect(chart).toContain(`(median RTO ${formatDuration(s.rtoSeconds)})`);
        // Data and compute branches start together, right after the decision.
        const data = s.phases.findIndex((p) => p.branch === 'data');
        const compute = s.phases.findIndex((p) => p.branch === 'compute');
        if (data >= 0 && compute >= 0) expect(tasks[data].after).toEqual(tasks[compute].after);
      });
    }
  });
});

describe.skipIf(!HAS_CHROMIUM)(`the Markdown charts in headless Chromium with mermaid${HAS_CHROMIUM ? '' : ` — ${NO_CHROMIUM_REASON}`}`, () => {
  let browser: MermaidBrowser;
  beforeAll(async () => {
    browser = await openMermaid();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
  });

  const inside = (t: RenderedText, box: RenderedText['box']) =>
    t.box.x >= box.x - 0.5 && t.box.y >= box.y - 0.5 && t.box.x + t.box.width <= box.x + box.width + 0.5 && t.box.y + t.box.height <= box.y + box.height + 0.5;

  it('the harness can fail: a broken chart is reported, and the old frontier’s name labels overlap', async () => {
    const broken = await browser.render('quadrantChart\n    x-axis a --> b\n    Foo: [2, x]');
    expect(broken.ok).toBe(false);
    const old = await browser.render([
      'quadrantChart', '    title DR cost per month vs RTO P90', '    x-axis Faster recovery --> Slower recovery', '    y-axis Lower cost --> Higher cost',
      '    Backup and Restore: [0.95, 0.05]', '    Multi-site Active-Active: [0.20, 0.91]', '    Active-Active Route 53 partitioned-write: [0.12, 0.91]',
      '    Active-Active Global Accelerator partitioned-write: [0.05, 0.95]',
    ].join('\n'));
    expect(old.ok).toBe(true);
    if (!old.ok) return;
    expect(overlaps(old.texts).length).toBeGreaterThan(0);
    expect(old.texts.every((t) => inside(t, old.box))).toBe(false); // "Active-Active Global Accelerator …" is clipped
  }, 60_000);

  for (const e of EXAMPLES) {
    it(`${e}: every gantt renders with one bar per phase`, async () => {
      const { blocks, json } = report[e];
      const gantts = blocks.filter((b) => b.startsWith('gantt\n'));
      for (const [i, chart] of gantts.entries()) {
        const r = await browser.render(chart);
        expect(r.ok, `${json.strategies[i].name}: ${r.ok ? '' : r.error}`).toBe(true);
        if (!r.ok) continue;
        const taskTexts = r.texts.filter((t) => /\btaskText/.test(t.cls));
        // One bar per phase (mermaid draws them in start-time order, not in the order written).
        expect(taskTexts.map((t) => t.text?.trim()).sort()).toEqual(ganttTasks(chart).map((t) => t.name).sort());
        expect(r.texts.some((t) => t.text === 'Data branch' || t.text === 'Compute branch')).toBe(true);
      }
    }, 90_000);

    it(`${e}: the frontier renders; no two texts overlap, none is clipped, each option is numbered once`, async () => {
      const { blocks, json } = report[e];
      const chart = blocks.find((b) => b.startsWith('quadrantChart\n'))!;
      const r = await browser.render(chart);
      expect(r.ok, r.ok ? '' : r.error).toBe(true);
      if (!r.ok) return;
      const texts = r.texts.filter((t) => t.text && t.text.trim());
      expect(overlaps(texts).map(([a, b]) => `${a.text} × ${b.text}`)).toEqual([]);
      expect(texts.filter((t) => !inside(t, r.box)).map((t) => t.text)).toEqual([]);
      const points = texts.filter((t) => t.cls.includes('data-point'));
      const numbers = points.flatMap((t) => t.text.split(', ').map(Number)).sort((a, b) => a - b);
      const plotted = json.frontier.filter((p) => p.sameAs === null).length;
      expect(numbers).toEqual(Array.from({ length: plotted }, (_, i) => i + 1));
      // The table under the chart numbers the same options.
      const rows = report[e].md.split('\n').filter((l) => /^\| \d+ \| /.test(l)).map((l) => Number(l.split(' | ')[0].slice(2)));
      expect(new Set(rows)).toEqual(new Set(numbers));
    }, 60_000);
  }
});
