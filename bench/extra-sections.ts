/**
 * Sections of bench/RESULTS.md written by the separate benchmarks (bench/messages.ts…), below
 * a marker line: `run.ts` rewrites what is above it and keeps them; each separate benchmark
 * replaces its own section (from its heading to the next `## ` heading).
 */
import fs from 'node:fs';
import path from 'node:path';

export const RESULTS_FILE = path.join(__dirname, 'RESULTS.md');
const MARKER = '<!-- separate benchmarks below this line: kept when run.ts rewrites the file -->';

/** The separate benchmarks' part of the results file (with its marker), or ''. */
export function extraSections(): string {
  if (!fs.existsSync(RESULTS_FILE)) return '';
  const text = fs.readFileSync(RESULTS_FILE, 'utf8');
  const at = text.indexOf(MARKER);
  return at < 0 ? '' : `\n${text.slice(at)}`;
}

/** Replaces (or appends) the section that starts with `heading` below the marker. */
export function writeExtraSection(heading: string, body: string): void {
  let text = fs.existsSync(RESULTS_FILE) ? fs.readFileSync(RESULTS_FILE, 'utf8') : '';
  if (!text.includes(MARKER)) text = `${text.trimEnd()}\n\n${MARKER}\n`;
  const section = `${heading}\n\n${body.trim()}\n`;
  const start = text.indexOf(heading, text.indexOf(MARKER));
  if (start < 0) {
    fs.writeFileSync(RESULTS_FILE, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const next = text.indexOf('\n## ', start + heading.length);
  const rest = next < 0 ? '' : text.slice(next);
  fs.writeFileSync(RESULTS_FILE, `${text.slice(0, start)}${section}${rest}`);
}
