/**
 * Sections of bench/RESULTS.md written by the separate benchmarks (bench/messages.ts…), below
 * a marker line: `run.ts` rewrites what is above it and keeps them; each separate benchmark
 * replaces its own section (from its heading to the next `## ` heading).
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * Where results go: bench/ for a full run; bench/quick/ (git-ignored) for a partial run
 * (`--quick` or `--only`), so a before/after check never replaces the last full run's figures.
 * `run.ts` sets `WAYMARK_BENCH_OUT`; the separate benchmarks write to bench/.
 */
export function outputDir(): string {
  // An empty value counts as unset, not as the current folder.
  return process.env.WAYMARK_BENCH_OUT || __dirname;
}

const resultsFile = (): string => path.join(outputDir(), 'RESULTS.md');
const MARKER = '<!-- separate benchmarks below this line: kept when run.ts rewrites the file -->';

/** The separate benchmarks' part of the results file (with its marker), or ''. */
export function extraSections(): string {
  const file = resultsFile();
  if (!fs.existsSync(file)) return '';
  const text = fs.readFileSync(file, 'utf8');
  const at = text.indexOf(MARKER);
  return at < 0 ? '' : `\n${text.slice(at)}`;
}

/** Replaces (or appends) the section that starts with `heading` below the marker. */
export function writeExtraSection(heading: string, body: string): void {
  const file = resultsFile();
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (!text.includes(MARKER)) text = `${text.trimEnd()}\n\n${MARKER}\n`;
  const section = `${heading}\n\n${body.trim()}\n`;
  const start = text.indexOf(heading, text.indexOf(MARKER));
  if (start < 0) {
    fs.writeFileSync(file, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const next = text.indexOf('\n## ', start + heading.length);
  const rest = next < 0 ? '' : text.slice(next);
  fs.writeFileSync(file, `${text.slice(0, start)}${section}${rest}`);
}

/** Writes `text` to `file`, formatted with the repository's Prettier config. */
export async function writeFormatted(file: string, text: string): Promise<void> {
  // Loaded here, not at the top: the unit tests import this module, and Prettier's entry needs
  // ESM support that jest's CommonJS runtime lacks.
  const { default: prettier } = await import('prettier');
  const config = (await prettier.resolveConfig(file)) ?? {};
  fs.writeFileSync(file, await prettier.format(text, { ...config, filepath: file }));
}

/**
 * Formats the results file, so `prettier --check .` stays clean after the sections were
 * written.
 */
export async function formatResults(): Promise<void> {
  const file = resultsFile();
  if (fs.existsSync(file)) await writeFormatted(file, fs.readFileSync(file, 'utf8'));
}
