/**
 * The CPU-profile summary behind the benchmark's "where the cost goes" tables: each sample's
 * time counts once, for the SDK's promise hook if the sample is inside it, else for the part
 * its leaf frame belongs to (bundled frames through their source map); idle time is left out.
 */
import { partOf, summarize, type CpuProfile, type SourceOf } from '../../bench/cpu-profile';

const VM_SHARED = 'file:///app/node_modules/@temporalio/worker/lib/workflow/vm-shared.js';
const BUNDLE = 'workflow-bundle-abc.js';

function frame(functionName: string, url = '', lineNumber = -1, columnNumber = 0) {
  return { functionName, url, lineNumber, columnNumber };
}

/** root → run (bundle, line 10) → init (hook) → getActivator; root → runInContext; GC; idle. */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 5, 6, 7, 8] },
    { id: 2, callFrame: frame('run', BUNDLE, 10), children: [3] },
    { id: 3, callFrame: frame('init', VM_SHARED, 244), children: [4] },
    { id: 4, callFrame: frame('getActivator', VM_SHARED, 60) },
    { id: 5, callFrame: frame('runInContext') },
    { id: 6, callFrame: frame('(garbage collector)') },
    { id: 7, callFrame: frame('(idle)') },
    { id: 8, callFrame: frame('scheduleActivity', BUNDLE, 20) },
  ],
  // run 2 ms, getActivator 3 ms, runInContext 4 ms, GC 1 ms, idle 50 ms, scheduleActivity 5 ms
  samples: [2, 2, 4, 4, 4, 5, 5, 5, 5, 6, 7, 8, 8, 8, 8, 8],
  timeDeltas: [
    1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 50000, 1000, 1000, 1000, 1000, 1000,
  ],
};

/** Bundle line 10 maps to Waymark's driver, line 20 to the SDK's workflow runtime. */
const sourceOf: SourceOf = (f) => {
  if (f.url !== BUNDLE) return undefined;
  return f.lineNumber === 10
    ? { file: 'webpack://waymark/workflows/process/driver.ts', line: 134 }
    : { file: 'webpack://waymark/node_modules/@temporalio/workflow/src/workflow.ts', line: 215 };
};

describe('summarize', () => {
  const s = summarize(profile, sourceOf);
  const part = (prefix: string) => s.parts.find((p) => p.part.startsWith(prefix))?.ms;

  it('leaves idle time out of the busy time', () => {
    expect(s.busyMs).toBe(15);
  });

  it("counts time inside the SDK's promise hook for the hook, not for the workflow code calling it", () => {
    expect(part('SDK promise hook')).toBe(3);
    expect(part("workflow code: the workflow's own")).toBe(2);
  });

  it("tells the SDK's bundled runtime from the workflow's own code through the source map", () => {
    expect(part('workflow code: Temporal SDK runtime')).toBe(5);
  });

  it('names the context entry and the garbage collector, and sorts parts by time', () => {
    expect(part('entering the workflow context')).toBe(4);
    expect(part('garbage collector')).toBe(1);
    expect(s.parts.map((p) => p.ms)).toEqual([5, 4, 3, 2, 1]);
  });

  it('lists functions by self time at their original file and line', () => {
    expect(s.top[0]).toEqual({
      fn: 'scheduleActivity @temporalio/workflow/src/workflow.ts:216',
      ms: 5,
    });
    expect(s.top.map((t) => t.fn)).toContain(
      'run webpack://waymark/workflows/process/driver.ts:135',
    );
  });
});

describe('partOf', () => {
  it('puts unmapped frames by their script: the worker, other SDK packages, protobufjs codecs, Node', () => {
    expect(
      partOf(
        frame('handleActivation', 'file:///a/node_modules/@temporalio/worker/lib/worker.js', 1),
        undefined,
      ),
    ).toBe('Temporal worker (Node side)');
    expect(
      partOf(frame('x', 'file:///a/node_modules/@temporalio/core-bridge/index.js', 9), undefined),
    ).toBe('Temporal SDK other (core bridge, common, proto)');
    expect(partOf(frame('', '', 2), undefined)).toBe('generated functions (protobufjs codecs)');
    expect(partOf(frame('wrapSafe', 'node:internal/modules/cjs/loader', 1421), undefined)).toBe(
      'Node internals and natives',
    );
  });
});
