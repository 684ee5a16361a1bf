/**
 * Every relative link in the repository's Markdown resolves to a file or folder inside the
 * repository: a reader of the repo can follow each one (no links to places outside it). So
 * does every path written in code spans from the repository's top (`src/…`, `workflows/…`):
 * a renamed file cannot leave a document pointing at its old name.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

function markdownFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  return listed.split('\n').filter((f) => f.endsWith('.md') && fs.existsSync(path.join(root, f)));
}

/** Link targets of `[text](target)` and `[ref]: target`, without titles and anchors. */
export function linkTargets(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const inline = [...withoutCode.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)];
  const refs = [...withoutCode.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)];
  return [...inline, ...refs].map((m) => m[1]);
}

const external = /^(?:[a-z][a-z0-9+.-]*:|#)/i;

const TOP_FOLDERS = [
  'src',
  'workflows',
  'activities',
  'test',
  'bench',
  'docs',
  'examples',
  'scripts',
];

/** Paths in code spans that start at one of the repository's top folders: `src/config.ts`. */
export function repoPaths(markdown: string): string[] {
  // Placeholders and globs (`rules/<rule-id>.ts`, `*.bpmn`) name no one file.
  const spans = [...markdown.matchAll(/`([\w./-]+)`/g)].map((m) => m[1]);
  return spans.filter((span) =>
    TOP_FOLDERS.some((top) => span.startsWith(`${top}/`) && /\.[a-z]+$/.test(span)),
  );
}

describe('documentation links', () => {
  it('finds the Markdown files and their links', () => {
    expect(markdownFiles()).toEqual(expect.arrayContaining(['README.md', 'docs/architecture.md']));
    expect(linkTargets('see [a](docs/a.md#x "t") and `[c](no)`\n[b]: ../b.md\n')).toEqual([
      'docs/a.md#x',
      '../b.md',
    ]);
    expect(repoPaths('`src/a.ts`, `src/`, `x/b.ts`, `src/<id>.ts`, `npm test`')).toEqual([
      'src/a.ts',
    ]);
  });

  it.each(markdownFiles())('%s: every file path in a code span exists', (file) => {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const missing = repoPaths(text).filter((p) => !fs.existsSync(path.join(root, p)));
    expect(missing).toEqual([]);
  });

  it.each(markdownFiles())('%s: every relative link resolves inside the repository', (file) => {
    const dir = path.dirname(path.join(root, file));
    const broken = linkTargets(fs.readFileSync(path.join(root, file), 'utf8'))
      .filter((target) => !external.test(target))
      .map((target) => decodeURIComponent(target.split('#')[0]))
      .filter((target) => {
        const resolved = path.resolve(dir, target);
        const inside = resolved === root || resolved.startsWith(root + path.sep);
        return !inside || !fs.existsSync(resolved);
      });
    expect(broken).toEqual([]);
  });
});
