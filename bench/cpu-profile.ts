/**
 * `npx tsx bench/cpu-profile.ts <file.cpuprofile | folder> [--top=15]`: where a worker's CPU
 * goes, from the V8 CPU profiles `--cpu-prof` writes (the bench's `--cpu-prof`, or
 * `node --cpu-prof --import tsx bench/replay-cpu.ts --only=B`). Each sample's time goes to one
 * part: the SDK's per-promise stack-trace hook if the sample is inside it, else the part its
 * leaf frame belongs to — mapped through the workflow bundle's inline source map, so
 * Waymark's own workflow code (`workflows/`, `src/`) is told apart from the SDK's workflow
 * runtime and the libraries bundled with it. Prints markdown: the parts and the top functions.
 */
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
/** The `.cpuprofile` format (Chrome DevTools protocol `Profiler.Profile`). */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
/** Where a bundled frame came from (its original file and 0-based line), if it is mapped. */
export type SourceOf = (frame: CallFrame) => { file: string; line: number } | undefined;

export interface ProfileSummary {
  busyMs: number;
  parts: Array<{ part: string; ms: number }>;
  top: Array<{ fn: string; ms: number }>;
}

const HOOK = /@temporalio[\\/]worker[\\/]lib[\\/]workflow[\\/]vm-shared\.js$/;

/** The part a leaf frame's time counts for. */
export function partOf(frame: CallFrame, source: string | undefined): string {
  const { functionName: fn, url } = frame;
  if (fn === '(garbage collector)') return 'garbage collector';
  if (fn === 'runInContext' && url === '')
    return 'entering the workflow context (vm runInContext, with its timeout watchdog)';
  const where = source ?? url;
  if (source !== undefined) {
    if (
      /(^|[\\/])(workflows[\\/]|src[\\/]|bench[\\/]workflows\.ts)/.test(where) &&
      !where.includes('node_modules')
    )
      return "workflow code: the workflow's own (Waymark's workflows/ and src/, or bench/workflows.ts)";
    if (/@temporalio[\\/]/.test(where)) return 'workflow code: Temporal SDK runtime';
    return 'workflow code: bundled libraries';
  }
  if (HOOK.test(url) || /@temporalio[\\/]worker[\\/]/.test(url))
    return 'Temporal worker (Node side)';
  if (/@temporalio[\\/]/.test(url)) return 'Temporal SDK other (core bridge, common, proto)';
  if (url === '' && frame.lineNumber >= 0) return 'generated functions (protobufjs codecs)';
  if (url.startsWith('node:') || url === '') return 'Node internals and natives';
  return 'other';
}

/** Sums a profile's samples by part and by function; idle time is left out. */
export function summarize(
  profile: CpuProfile,
  sourceOf: SourceOf = () => undefined,
  topN = 15,
): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const parts = new Map<string, number>();
  const fns = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') continue;
    busy += us;
    const mapped = sourceOf(frame);
    const source = mapped?.file;
    const part = insidePromiseHook(id, byId, parent)
      ? "SDK promise hook (a stack trace per promise, for the '__stack_trace' query)"
      : partOf(frame, source);
    parts.set(part, (parts.get(part) ?? 0) + us);
    const fn = `${frame.functionName || '(anonymous)'} ${shortPath(source ?? frame.url)}:${(mapped?.line ?? frame.lineNumber) + 1}`;
    fns.set(fn, (fns.get(fn) ?? 0) + us);
  }
  const sorted = <K extends string>(m: Map<string, number>, key: K) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .map(([k, us]) => ({ [key]: k, ms: us / 1000 }) as Record<K, string> & { ms: number });
  return {
    busyMs: busy / 1000,
    parts: sorted(parts, 'part'),
    top: sorted(fns, 'fn').slice(0, topN),
  };
}

function insidePromiseHook(
  id: number,
  byId: Map<number, ProfileNode>,
  parent: Map<number, number>,
): boolean {
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const f = byId.get(cur)!.callFrame;
    if (HOOK.test(f.url) && (f.functionName === 'init' || f.functionName === 'settled'))
      return true;
  }
  return false;
}

function shortPath(p: string): string {
  const at = p.lastIndexOf('node_modules/');
  if (at >= 0) return p.slice(at + 'node_modules/'.length);
  return p.replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '');
}

/**
 * A SourceOf that reads each script's inline source map (the workflow bundle has one). A live
 * worker names its bundle `workflow-bundle-<hash>.js`, not a file: `bundle` is read for it.
 */
export function inlineSourceMaps(bundle?: string): SourceOf {
  const maps = new Map<string, SourceMap | undefined>();
  const load = (url: string): SourceMap | undefined => {
    const file =
      bundle && /workflow-bundle-[^/]*\.js$/.test(url) ? bundle : url.replace(/^file:\/\//, '');
    if (!file.endsWith('.js') || !fs.existsSync(file)) return undefined;
    const text = fs.readFileSync(file, 'utf8');
    const m =
      /\/\/# sourceMappingURL=data:application\/json;[^,]*base64,([A-Za-z0-9+/=]+)\s*$/.exec(text);
    return m ? new SourceMap(JSON.parse(Buffer.from(m[1], 'base64').toString('utf8'))) : undefined;
  };
  return (frame) => {
    if (!frame.url || frame.url.startsWith('node:')) return undefined;
    if (!maps.has(frame.url)) maps.set(frame.url, load(frame.url));
    const entry = maps.get(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
    return entry && 'originalSource' in entry
      ? { file: entry.originalSource, line: entry.originalLine }
      : undefined;
  };
}

function toMarkdown(name: string, s: ProfileSummary): string {
  const pct = (ms: number) => `${((100 * ms) / s.busyMs).toFixed(1)} %`;
  return [
    `### ${name}: ${(s.busyMs / 1000).toFixed(2)} s busy`,
    '',
    '| part | s | share |',
    '| --- | --- | --- |',
    ...s.parts.map((p) => `| ${p.part} | ${(p.ms / 1000).toFixed(2)} | ${pct(p.ms)} |`),
    '',
    '| function (self time) | s | share |',
    '| --- | --- | --- |',
    ...s.top.map(
      (f) => `| \`${f.fn.replace(/\|/g, '\\|')}\` | ${(f.ms / 1000).toFixed(2)} | ${pct(f.ms)} |`,
    ),
    '',
  ].join('\n');
}

function main(): void {
  const target = process.argv[2];
  if (!target)
    throw new Error(
      'usage: npx tsx bench/cpu-profile.ts <file.cpuprofile | folder> [--top=15] [--bundle=file]',
    );
  const opt = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const top = Number(opt('top') ?? 15);
  const files = fs.statSync(target).isDirectory()
    ? fs
        .readdirSync(target)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => path.join(target, f))
    : [target];
  const sourceOf = inlineSourceMaps(opt('bundle') ?? path.join(__dirname, '.work', 'bundle.js'));
  for (const file of files) {
    const summary = summarize(
      JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile,
      sourceOf,
      top,
    );
    if (summary.busyMs >= 100) console.log(toMarkdown(path.basename(file), summary));
  }
}

if (require.main === module) main();
