/**
 * Mermaid in a real headless Chromium: mermaid (npm, served from node_modules on a loopback page) renders a chart
 * and reports what it drew: the SVG's text labels with their bounding boxes, or the parse/render error. Chromium is
 * Debian's /usr/bin/chromium (or CHROMIUM_PATH), driven by playwright-core; it is launched with no network features
 * and a fresh profile. `HAS_CHROMIUM` is false (and tests skip with `NO_CHROMIUM_REASON`) when it is not installed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const NO_CHROMIUM_REASON = `skipped: Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium)`;

const MERMAID_DIST = fileURLToPath(new URL('../../node_modules/mermaid/dist/', import.meta.url));

const PAGE = `<!doctype html><html><head><meta charset="utf-8"></head><body><div id="out"></div>
<script type="module">
import mermaid from '/mermaid/mermaid.esm.min.mjs';
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
let n = 0;
window.renderChart = async (code) => {
  const out = document.getElementById('out');
  out.innerHTML = '';
  try {
    await mermaid.parse(code);
    const { svg } = await mermaid.render('chart' + n++, code);
    out.innerHTML = svg;
    const el = out.querySelector('svg');
    if (!el) return { ok: false, error: 'no svg element' };
    if (el.querySelector('.error-icon, .error-text')) return { ok: false, error: 'mermaid drew its error picture' };
    const texts = [...el.querySelectorAll('text')].map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent, cls: (t.getAttribute('class') || '') + ' ' + (t.parentElement && t.parentElement.getAttribute('class') || ''), box: { x: r.x, y: r.y, width: r.width, height: r.height } };
    });
    const rects = el.querySelectorAll('rect').length;
    const b = el.getBoundingClientRect();
    return { ok: true, svg, texts, rects, box: { x: b.x, y: b.y, width: b.width, height: b.height } };
  } catch (e) {
    return { ok: false, error: String(e && e.message || e) };
  }
};
window.ready = true;
</script></body></html>`;

const TYPES: Record<string, string> = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css' };

export interface RenderedText {
  text: string;
  cls: string;
  box: { x: number; y: number; width: number; height: number };
}
export type Rendered = { ok: true; svg: string; texts: RenderedText[]; rects: number; box: RenderedText['box'] } | { ok: false; error: string };

export interface MermaidBrowser {
  render(code: string): Promise<Rendered>;
  close(): Promise<void>;
}

function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      return;
    }
    if (url.pathname.startsWith('/mermaid/')) {
      const file = normalize(join(MERMAID_DIST, url.pathname.slice('/mermaid/'.length)));
      if (file.startsWith(MERMAID_DIST) && existsSync(file)) {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
        return;
      }
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function openMermaid(): Promise<MermaidBrowser> {
  const { chromium } = await import('playwright-core');
  const server = await serve();
  const profile = mkdtempSync(join(tmpdir(), 'dr-chromium-'));
  // A fresh profile directory (playwright passes it as --user-data-dir); the machine's network is closed, so every
  // background fetch is switched off.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1200, height: 900 },
    timeout: 60_000,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await page.waitForFunction('window.ready === true', undefined, { timeout: 60_000 }).catch((e) => {
    throw new Error(`mermaid did not load in Chromium: ${errors.join('; ') || e}`);
  });
  return {
    render: (code) => page.evaluate((c) => (globalThis as unknown as { renderChart(code: string): Promise<Rendered> }).renderChart(c), code),
    async close() {
      await context.close();
      await new Promise((r) => server.close(r));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Pairs of boxes that overlap (touching edges do not count). */
export function overlaps<T extends { box: RenderedText['box'] }>(items: readonly T[]): [T, T][] {
  const out: [T, T][] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i].box;
      const b = items[j].box;
      if (a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5) out.push([items[i], items[j]]);
    }
  }
  return out;
}

/** The ```mermaid blocks of a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}
