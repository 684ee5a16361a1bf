/**
 * Architecture check: no import cycle anywhere in the TypeScript tree (src/, workflows/,
 * activities/, test/, bench/), type-only imports included. `import-x/no-cycle` skips
 * `import type` by design (no option turns that off), which let the engine's helpers and its
 * `Run` class import each other unnoticed; with this repo's lint setup it reports no cycle
 * at all (a deliberate two-file value cycle lints clean). A type-only cycle still ties the
 * modules together: neither can be changed, moved or read alone. So this test asks the
 * TypeScript compiler itself: the files tsconfig.json includes, each file's imports as
 * `ts.preProcessFile` sees them (static, type-only, `export … from`, `import()`, `require`),
 * resolved as tsc resolves them; then Tarjan's strongly connected components, one failure
 * line per cycle.
 */
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..', '..');

/**
 * Imports known to close a cycle, left to their owners. Each entry names one edge
 * (importer → imported, paths from the repository root); the graph is checked without it.
 * An entry whose edge no longer lies on a cycle fails the last test: delete it then.
 */
const ALLOWED_EDGES: ReadonlyArray<readonly [from: string, to: string]> = [];

/** Module → the modules of the tree it imports (paths relative to the repository root). */
type ImportGraph = Map<string, string[]>;

/** Builds the import graph of every TypeScript file tsconfig.json includes. */
function importGraph(): ImportGraph {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!config) throw new Error('tsconfig.json could not be read');
  const files = config.fileNames.filter((f) => !f.includes('/node_modules/'));
  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
  const inTree = new Set(files.map(rel));
  const cache = ts.createModuleResolutionCache(root, (f) => f, config.options);
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const text = ts.sys.readFile(file) ?? '';
    const deps = new Set<string>();
    for (const ref of ts.preProcessFile(text, true, true).importedFiles) {
      const resolved = ts.resolveModuleName(
        ref.fileName,
        file,
        config.options,
        ts.sys,
        cache,
      ).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      const target = rel(resolved.resolvedFileName);
      if (inTree.has(target)) deps.add(target);
    }
    graph.set(rel(file), [...deps].sort());
  }
  return graph;
}

/** The graph's strongly connected components that hold a cycle (Tarjan), each sorted. */
function cyclicComponents(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** A shortest import chain from the component's first module back to itself. */
function cycleChain(graph: ImportGraph, component: string[]): string[] {
  const members = new Set(component);
  const start = component[0];
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift() as string;
    for (const w of graph.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const chain: string[] = [];
        for (let u = v; u !== start; u = cameFrom.get(u) as string) chain.unshift(u);
        return [start, ...chain, start];
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return component;
}

function describeCycles(graph: ImportGraph): string[] {
  return cyclicComponents(graph).map((c) => {
    const chain = cycleChain(graph, c).join(' → ');
    return c.length > 2 ? `${chain}  (component of ${c.length}: ${c.join(', ')})` : chain;
  });
}

function withoutAllowed(graph: ImportGraph): ImportGraph {
  const pruned: ImportGraph = new Map();
  for (const [from, deps] of graph) {
    pruned.set(
      from,
      deps.filter((to) => !ALLOWED_EDGES.some(([f, t]) => f === from && t === to)),
    );
  }
  return pruned;
}

describe('import cycles', () => {
  const graph = importGraph();

  it('sees the whole tree, type-only imports included', () => {
    // A guard against a graph that silently lost its edges (a resolution change).
    for (const dir of ['src/', 'workflows/', 'activities/', 'test/', 'bench/'])
      expect([...graph.keys()].some((f) => f.startsWith(dir))).toBe(true);
    expect(graph.get('src/engine/reducer.ts')).toContain('src/engine/types.ts');
  });

  it('the detector reports a type-only cycle and a self-import', () => {
    // given: a → b → c → a, a self-import, and an acyclic tail
    const toy: ImportGraph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts', 'd.ts']],
    ]);
    // then
    expect(cyclicComponents(toy)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
    expect(cycleChain(toy, ['a.ts', 'b.ts', 'c.ts'])).toEqual(['a.ts', 'b.ts', 'c.ts', 'a.ts']);
  });

  it('no module imports itself through a chain of imports', () => {
    expect(describeCycles(withoutAllowed(graph))).toEqual([]);
  });

  it('every allowlisted import still closes a cycle', () => {
    const cyclic = cyclicComponents(graph);
    const stale = ALLOWED_EDGES.filter(
      ([from, to]) =>
        !(graph.get(from) ?? []).includes(to) ||
        !cyclic.some((c) => c.includes(from) && c.includes(to)),
    );
    expect(stale).toEqual([]);
  });
});
