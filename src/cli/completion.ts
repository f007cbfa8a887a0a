/**
 * `dr-advisor completion bash|zsh|fish`: a completion script generated from the commander program itself (commands,
 * subcommands, options, their choices), so it cannot drift from the flags. Values that come from the data (example
 * names, regions, strategy ids) are taken from their sources of truth; file-valued options complete file names.
 */
import type { Command, Option } from 'commander';
import { InputError } from '../errors';
import { REGION_CODES } from '../model/regions';
import { VERSION } from '../version';
import { exampleNames } from '../workload/load';
import { STRATEGY_IDS } from '../model/strategies';

export type Shell = 'bash' | 'zsh' | 'fish';

/** What an option's value completes to: a list of words, file names, or nothing (a free value like `1h`). */
type Values = readonly string[] | 'file' | 'none';

interface OptSpec {
  short?: string;
  long?: string;
  description: string;
  /** Undefined for a flag without a value. */
  values?: Values;
}

interface Node {
  /** Command words from the root: [] for the root, ['pricing', 'status'], … */
  path: string[];
  description: string;
  subcommands: { name: string; description: string }[];
  options: OptSpec[];
  /** Words for the positional argument (schema's <which>, completion's <shell>, help's [command]). */
  positional: readonly string[];
}

const FILE_OPTIONS = new Set(['--file', '--from', '--baseline', '--out-file', '--output']);
const REGION_OPTIONS = new Set(['--primary-region', '--dr-region', '--regions']);

function valuesOf(o: Option): Values | undefined {
  if (!o.required && !o.optional) return undefined;
  if (o.argChoices) return o.argChoices;
  const long = o.long ?? '';
  if (FILE_OPTIONS.has(long)) return 'file';
  if (long === '--example') return exampleNames();
  if (long === '--strategy') return STRATEGY_IDS;
  if (REGION_OPTIONS.has(long)) return REGION_CODES;
  return 'none';
}

function optSpec(o: Option): OptSpec {
  return { ...(o.short ? { short: o.short } : {}), ...(o.long ? { long: o.long } : {}), description: o.description, ...(valuesOf(o) ? { values: valuesOf(o) } : {}) };
}

const HELP: OptSpec = { short: '-h', long: '--help', description: 'display help' };

/** Every command of the program as a node, the root first. */
export function completionTree(program: Command): Node[] {
  const globals = program.options.filter((o) => o.long !== '--version').map(optSpec);
  const nodes: Node[] = [];
  const visit = (cmd: Command, path: string[]) => {
    const subs = cmd.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden);
    const hasHelp = subs.length > 0 && !subs.some((c) => c.name() === 'help');
    const positional =
      subs.length
        ? [...subs.map((c) => c.name()), ...(hasHelp ? ['help'] : [])]
        : path[0] === 'schema'
          ? ['workload', 'output', 'check']
          : path[0] === 'completion'
            ? ['bash', 'zsh', 'fish']
            : path[0] === 'help'
              ? program.commands.filter((c) => c.name() !== 'help').map((c) => c.name())
              : [];
    nodes.push({
      path,
      description: cmd.description(),
      subcommands: [...subs.map((c) => ({ name: c.name(), description: c.description() })), ...(hasHelp ? [{ name: 'help', description: 'show help for a command' }] : [])],
      options: path.length === 0 ? [...program.options.map(optSpec), HELP] : [...cmd.options.map(optSpec), ...globals, HELP],
      positional,
    });
    for (const c of subs) visit(c, [...path, c.name()]);
  };
  visit(program, []);
  return nodes;
}

const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const fishq = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const flagsOf = (o: OptSpec) => [o.short, o.long].filter((f): f is string => Boolean(f));

/** The shared shape of the bash and zsh functions: find the command path, complete an option's value, else words. */
function shCases(nodes: Node[], fileAction: string, wordsAction: (list: string) => string, none: string): { pathCase: string; valueCase: string; wordCase: string } {
  const paths = nodes.filter((n) => n.path.length).map((n) => sq(n.path.join(' ')));
  const pathCase = `    case "$next" in\n      ${paths.join('|')}) cmdpath=$next ;;\n    esac`;
  const valueLines: string[] = [];
  for (const n of nodes) {
    const groups = new Map<string, string[]>();
    for (const o of n.options) {
      if (!o.values) continue;
      const action = o.values === 'file' ? fileAction : o.values === 'none' ? none : wordsAction(o.values.join(' '));
      groups.set(action, [...(groups.get(action) ?? []), ...flagsOf(o).map((f) => sq(`${n.path.join(' ')}|${f}`))]);
    }
    for (const [action, keys] of groups) valueLines.push(`    ${keys.join('|')}) ${action} ;;`);
  }
  const valueCase = `  case "$cmdpath|$prev" in\n${valueLines.join('\n')}\n  esac`;
  const wordLines = nodes.map((n) => {
    const opts = n.options.flatMap(flagsOf).join(' ');
    return `    ${sq(n.path.join(' '))}) opts=${sq(opts)}; args=${sq(n.positional.join(' '))} ;;`;
  });
  const wordCase = `  case "$cmdpath" in\n${wordLines.join('\n')}\n  esac`;
  return { pathCase, valueCase, wordCase };
}

export function bashScript(program: Command): string {
  const nodes = completionTree(program);
  const { pathCase, valueCase, wordCase } = shCases(nodes, 'COMPREPLY=($(compgen -f -- "$cur")); return', (l) => `COMPREPLY=($(compgen -W ${sq(l)} -- "$cur")); return`, 'return');
  return `# bash completion for dr-advisor ${VERSION} (generated by \`dr-advisor completion bash\`).
# This shell: eval "$(dr-advisor completion bash)"   Every shell: add that line to ~/.bashrc
_dr_advisor() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} cmdpath= next opts args i
  COMPREPLY=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    next="\${cmdpath:+$cmdpath }\${COMP_WORDS[i]}"
${pathCase.replace(/^ {4}/gm, '    ')}
  done
${valueCase}
${wordCase}
  if [[ $cur == -* || -z $args ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$args" -- "$cur"))
  fi
}
complete -o bashdefault -o default -F _dr_advisor dr-advisor
`;
}

export function zshScript(program: Command): string {
  const nodes = completionTree(program);
  const { pathCase, valueCase, wordCase } = shCases(nodes, '_files; return', (l) => `compadd -- ${l}; return`, 'return');
  return `#compdef dr-advisor
# zsh completion for dr-advisor ${VERSION} (generated by \`dr-advisor completion zsh\`).
# Install: dr-advisor completion zsh > "\${fpath[1]}/_dr-advisor"   (or, after compinit: source <(dr-advisor completion zsh))
_dr_advisor() {
  local cur=\${words[CURRENT]} prev=\${words[CURRENT-1]} cmdpath= next opts args i
  for ((i = 2; i < CURRENT; i++)); do
    next="\${cmdpath:+$cmdpath }\${words[i]}"
${pathCase}
  done
${valueCase}
${wordCase}
  if [[ $cur == -* || -z $args ]]; then
    compadd -- \${=opts}
  else
    compadd -- \${=args}
  fi
}
if [[ "\${funcstack[1]}" == "_dr-advisor" ]]; then
  _dr_advisor "$@"
else
  compdef _dr_advisor dr-advisor
fi
`;
}

export function fishScript(program: Command): string {
  const nodes = completionTree(program);
  const lines = [
    `# fish completion for dr-advisor ${VERSION} (generated by \`dr-advisor completion fish\`).`,
    '# Install: dr-advisor completion fish > ~/.config/fish/completions/dr-advisor.fish',
    'complete -c dr-advisor -f',
  ];
  const top = nodes.find((n) => n.path.length === 0)!;
  const topNames = top.subcommands.map((s) => s.name);
  for (const n of nodes) {
    let cond: string;
    if (n.path.length === 0) cond = '__fish_use_subcommand';
    else if (n.path.length === 1) {
      const subs = n.subcommands.map((s) => s.name);
      cond = `__fish_seen_subcommand_from ${n.path[0]}${subs.length ? `; and not __fish_seen_subcommand_from ${subs.join(' ')}` : ''}`;
    } else cond = `__fish_seen_subcommand_from ${n.path[0]}; and __fish_seen_subcommand_from ${n.path[n.path.length - 1]}`;
    if (n.path[0] === 'help') cond = `__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from ${topNames.filter((x) => x !== 'help').join(' ')}`;
    for (const s of n.subcommands) lines.push(`complete -c dr-advisor -n ${fishq(cond)} -a ${s.name} -d ${fishq(s.description)}`);
    if (!n.subcommands.length && n.positional.length) lines.push(`complete -c dr-advisor -n ${fishq(cond)} -a ${fishq(n.positional.join(' '))}`);
    for (const o of n.options) {
      const flags = [o.short ? `-s ${o.short.slice(1)}` : '', o.long ? `-l ${o.long.slice(2)}` : ''].filter(Boolean).join(' ');
      const value = o.values === undefined ? '' : o.values === 'file' ? ' -r -F' : o.values === 'none' ? ' -x' : ` -x -a ${fishq(o.values.join(' '))}`;
      lines.push(`complete -c dr-advisor -n ${fishq(cond)} ${flags}${value} -d ${fishq(o.description)}`);
    }
  }
  return lines.join('\n') + '\n';
}

export async function run(shell: string, program: Command): Promise<void> {
  const make = { bash: bashScript, zsh: zshScript, fish: fishScript }[shell as Shell];
  if (!make) throw new InputError(`completion needs a shell: bash, zsh or fish (got ${JSON.stringify(shell)})`);
  process.stdout.write(make(program));
}
