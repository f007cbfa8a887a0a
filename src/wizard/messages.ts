/** Every word the wizard says, in one place (questions, explanation lines, choices, notices). */
import type { DbEngine } from '../model/engines';

export interface QuestionText {
  message: string;
  /** The explanation line shown beside the question while it is asked. */
  help: string;
}

export const Q = {
  name: { message: 'Workload name', help: 'used in reports and as the file’s name field' },
  primaryRegion: { message: 'Primary region', help: 'where the workload runs today' },
  drRegion: { message: 'DR region', help: 'where it recovers; must differ from the primary region' },
  instanceType: { message: 'App server instance type', help: 'type to search; Enter picks the highlighted one' },
  count: { message: 'Number of app servers', help: 'in the primary region' },
  engine: { message: 'Database', help: 'the data tier to protect' },
  instanceClass: { message: 'Database instance class', help: 'type to search; Enter picks the highlighted one' },
  storageGb: { message: 'Database size (GB)', help: 'storage to back up or replicate' },
  writesPerSecond: { message: 'DynamoDB writes per second', help: 'average write request units per second (replicated writes)' },
  readsPerSecond: { message: 'DynamoDB reads per second', help: 'average read request units per second' },
  otherParts: { message: 'Other parts, kept as in the file', help: 'the wizard asks about the first tier and data store; edit the file for the others' },
  objectStorageGb: { message: 'Object storage (S3 GB)', help: '0 if none' },
  dataChangeGbPerDay: { message: 'Data changed per day (GB)', help: 'drives replication and backup transfer' },
  operations: { message: 'Failure detection and failover decision', help: 'automation turns tens of minutes into minutes' },
  rto: { message: 'RTO target', help: 'longest acceptable outage, e.g. 30m, 4h' },
  rpo: { message: 'RPO target', help: 'most data you can afford to lose, e.g. 5m, 1h' },
  maxMonthlyCost: { message: 'Monthly DR budget (USD)', help: 'optional; “none” for no budget' },
  downtimeCostPerHour: { message: 'Downtime cost per hour (USD)', help: 'optional; “none” to skip; weighs RTO against cost' },
  review: { message: 'Change an answer?', help: 'Enter prices these answers; pick one to ask it again' },
  save: { message: 'Save these answers as a workload file?', help: 'for `dr-advisor estimate -f` and CI checks' },
  strategy: { message: 'Strategy you run or plan to run', help: '`dr-advisor check` gates on this one' },
  file: { message: 'File name', help: 'YAML workload file' },
} as const satisfies Record<string, QuestionText>;

export const overwrite = (file: string): QuestionText => ({ message: `${file} already exists. Overwrite it?`, help: 'No asks for another name' });

export const ENGINE_LABELS: Record<DbEngine, string> = {
  'aurora-mysql': 'Aurora MySQL',
  'aurora-postgresql': 'Aurora PostgreSQL',
  mysql: 'RDS MySQL',
  postgres: 'RDS PostgreSQL',
  dynamodb: 'DynamoDB',
  none: 'None (stateless, or data elsewhere)',
};

/** The detection/decision pairs offered, in order. */
export const OPERATIONS: readonly { detection: 'manual' | 'automated'; failoverDecision: 'manual' | 'automated'; name: string }[] = [
  { detection: 'manual', failoverDecision: 'manual', name: 'Manual: people notice and decide' },
  { detection: 'automated', failoverDecision: 'manual', name: 'Automated alarms, a person decides' },
  { detection: 'automated', failoverDecision: 'automated', name: 'Fully automated: health checks trigger failover' },
  { detection: 'manual', failoverDecision: 'automated', name: 'Manual detection, automated runbook' },
];

/** Words a user may type to leave an optional answer empty. */
export const NONE_WORDS = ['none', '-', 'no', 'n/a'];

export const text = {
  intro: (source: string | undefined) =>
    `dr-advisor: a few questions about your workload, then the four AWS DR strategies priced side by side.${source ? ` Pre-filled from ${source}.` : ''} Enter keeps a default; Esc goes back to the previous question.`,
  reviewDone: 'No, price these answers',
  pricing: 'Pricing the four strategies…',
  notSaved: 'Not saved. Run the wizard again, or `dr-advisor init` for a commented template.',
  saved: (file: string) => `Saved ${file}.`,
  ciCommand: (cmd: string) => `In CI, gate on budget and targets with:\n  ${cmd}`,
  cancelled: 'cancelled (Ctrl-C); nothing was saved',
  cancelledAfterSave: (file: string) => `cancelled (Ctrl-C); ${file} was already saved`,
  needsTerminal:
    'the wizard needs a terminal (stdin and stdout a TTY, TERM not dumb, and CI unset); without one use `dr-advisor estimate -f FILE` or `--example NAME`, or `dr-advisor init` for a template',
  bothSources: 'give either --from FILE or --example NAME, not both',
  fileHeader: (file: string) =>
    ` dr-advisor workload file (version 1), written by \`dr-advisor wizard\`.\n Price it: dr-advisor estimate -f ${file}   ·   CI gate: dr-advisor check -f ${file}`,
  noMatch: 'no match; keep typing or clear the search',
  emptyFile: 'file name must not be empty',
  isDirectory: (file: string) => `${file} is a directory; give a file name`,
  noFolder: (dir: string) => `folder ${dir} does not exist`,
};
