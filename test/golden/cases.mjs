// The golden cases: what the built CLI prints for the three bundled examples in every format, with snapshot prices.
// Shared by test/golden/outputs.test.ts (compares) and scripts/update-goldens.mjs (rewrites after a deliberate change).
export const EXAMPLES = ['web-app', 'serverless-dynamodb', 'global-saas'];

export const CASES = [
  ...EXAMPLES.flatMap((ex) => [
    { name: `estimate-${ex}.table.txt`, args: ['estimate', '--example', ex, '--format', 'table'] },
    { name: `estimate-${ex}.explain.txt`, args: ['estimate', '--example', ex, '--format', 'table', '--explain'] },
    { name: `estimate-${ex}.json`, args: ['estimate', '--example', ex, '--format', 'json'] },
    { name: `estimate-${ex}.md`, args: ['estimate', '--example', ex, '--format', 'markdown'] },
  ]),
  ...['table', 'json', 'markdown', 'github'].map((f) => ({ name: `check-examples.${f}.txt`, args: ['check', '-f', 'data/examples/*.yaml', '--format', f] })),
];

/** What varies from run to run (the clock), replaced by fixed text. */
export function normalize(text) {
  return text
    .replace(/"generatedAt": "[^"]+"/g, '"generatedAt": "<generatedAt>"')
    .replace(/\b\d+ days? old\b/g, '<N> days old');
}

/** One case's record: exit code, stdout and stderr, normalized. */
export function record(r) {
  return `exit ${r.status}\n--- stdout\n${normalize(r.stdout)}--- stderr\n${normalize(r.stderr)}`;
}
