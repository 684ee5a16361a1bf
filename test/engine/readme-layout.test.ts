/**
 * src/engine/README.md's layout table lists every file of the folder, subfolders included,
 * one row each, and nothing else: the table is how a newcomer finds the module to change,
 * so a file added, renamed or removed without its row fails here rather than misleading.
 */
import fs from 'node:fs';
import path from 'node:path';

const engineDir = path.resolve(__dirname, '..', '..', 'src', 'engine');

/** Every file under `dir`, as a path relative to it with `/` separators. */
function filesUnder(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? filesUnder(path.join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`],
    );
}

/** The first cell of each body row of the table under `## Layout`. */
function layoutRows(readme: string): string[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Layout\n'));
  if (!section) throw new Error('src/engine/README.md has no "## Layout" section');
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2) // the header row and its separator
    .map((line) => line.split('|')[1].trim());
}

describe('src/engine/README.md layout table', () => {
  const rows = layoutRows(fs.readFileSync(path.join(engineDir, 'README.md'), 'utf8'));

  it('names exactly one file per row, as `path` from src/engine', () => {
    expect(rows.filter((cell) => !/^`[^`\s]+`$/.test(cell))).toEqual([]);
  });

  it('lists every file of src/engine once, and no file that does not exist', () => {
    const listed = rows.map((cell) => cell.slice(1, -1));
    const files = filesUnder(engineDir);
    expect(files.filter((f) => !listed.includes(f)).sort()).toEqual([]); // missing rows
    expect(listed.filter((f) => !files.includes(f)).sort()).toEqual([]); // rows for no file
    expect(listed.filter((f, i) => listed.indexOf(f) !== i)).toEqual([]); // rows twice
  });
});
