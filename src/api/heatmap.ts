/**
 * The heatmap of a definition version, aggregated from a sample of its instances' own views
 * (`instanceQuery`): per element, how often it was entered and completed, how many tokens
 * wait there now, the incidents open on it, and the time spent there. Pure (no Temporal, no
 * clock), so `test/api/heatmap.test.ts` checks it directly; `heatmap-sample.ts` gathers the
 * views.
 *
 * Counting rules: a trail entry is one completed visit (time = `endedAt − startedAt`); an
 * active element is one visit in progress; entered = completed + active. Multi-instance and
 * loop _bodies_ (trail entries of type `bpmn:…LoopCharacteristics`) are not counted again:
 * their inner instances are the visits. Times cover completed visits only. A state machine's
 * elements are its states (`machineSample`): a visit runs from one state change to the next.
 */
import type { ActiveElement, Incident, TrailEntry } from '../engine/types';

/** What the heatmap reads of one instance's view. */
export interface HeatmapSample {
  /** Completed visits; one without `endedAt` (a final state) counts, with no time. */
  trail: (Pick<TrailEntry, 'elementId' | 'type' | 'startedAt'> & { endedAt?: string })[];
  activeElements: Pick<ActiveElement, 'elementId' | 'type'>[];
  incidents: Pick<Incident, 'elementId'>[];
  trailDropped?: number;
}

/** One element of the heatmap. */
export interface HeatmapElement {
  elementId: string;
  /** Visits started: completed + active. */
  entered: number;
  completed: number;
  /** Tokens there now (running instances). */
  active: number;
  /** Open incidents on the element. */
  incidents: number;
  /** Sampled instances that entered the element at least once. */
  instances: number;
  /** Mean time of a completed visit (ms); absent when none completed. */
  avgMs?: number;
  /** Median time of a completed visit (ms). */
  p50Ms?: number;
}

interface Tally {
  completed: number;
  active: number;
  incidents: number;
  instances: number;
  durations: number[];
}

const isBody = (type: string) => type.endsWith('LoopCharacteristics');

function durationMs(entry: HeatmapSample['trail'][number]): number | undefined {
  if (entry.endedAt === undefined) return undefined;
  const ms = Date.parse(entry.endedAt) - Date.parse(entry.startedAt);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

/** Adds one instance's view to the tallies. */
function addSample(tallies: Map<string, Tally>, sample: HeatmapSample): void {
  const tally = (id: string): Tally => {
    let t = tallies.get(id);
    if (!t)
      tallies.set(id, (t = { completed: 0, active: 0, incidents: 0, instances: 0, durations: [] }));
    return t;
  };
  const seen = new Set<string>();
  for (const entry of sample.trail) {
    if (isBody(entry.type)) continue;
    const t = tally(entry.elementId);
    t.completed++;
    const ms = durationMs(entry);
    if (ms !== undefined) t.durations.push(ms);
    seen.add(entry.elementId);
  }
  for (const a of sample.activeElements) {
    if (isBody(a.type)) continue;
    tally(a.elementId).active++;
    seen.add(a.elementId);
  }
  for (const i of sample.incidents) tally(i.elementId).incidents++;
  for (const id of seen) tally(id).instances++;
}

/** The heatmap's elements, in order of first appearance in the samples. */
export function aggregateHeatmap(samples: HeatmapSample[]): HeatmapElement[] {
  const tallies = new Map<string, Tally>();
  for (const s of samples) addSample(tallies, s);
  return [...tallies].map(([elementId, t]) => {
    const sorted = [...t.durations].sort((a, b) => a - b);
    const sum = sorted.reduce((a, b) => a + b, 0);
    return {
      elementId,
      entered: t.completed + t.active,
      completed: t.completed,
      active: t.active,
      incidents: t.incidents,
      instances: t.instances,
      ...(sorted.length > 0
        ? { avgMs: Math.round(sum / sorted.length), p50Ms: median(sorted) }
        : {}),
    };
  });
}

/** Trail entries the samples dropped (bounded trails): counts are lower bounds when > 0. */
export function droppedEntries(samples: HeatmapSample[]): number {
  return samples.reduce((n, s) => n + (s.trailDropped ?? 0), 0);
}

/** What the heatmap reads of a state machine's view: its trail of state changes. */
export interface MachineView {
  trail: unknown[];
  activeElements: HeatmapSample['activeElements'];
  incidents: unknown[];
  trailDropped?: number;
}

/**
 * A state machine's view as a sample over its states: each state change starts a visit of
 * its target state, ended by the next change; the last visit is the current state (an active
 * element while the machine runs, else a final state, counted without a time). Incidents are
 * counted on the current state.
 */
export function machineSample(view: MachineView): HeatmapSample {
  const changes = view.trail as { toState: string; at: string }[];
  const running = view.activeElements.length > 0;
  const trail = changes.flatMap((c, i) => {
    const next = changes[i + 1];
    if (!next && running) return [];
    return [{ elementId: c.toState, type: 'state', startedAt: c.at, endedAt: next?.at }];
  });
  const current = view.activeElements[0]?.elementId;
  return {
    trail,
    activeElements: view.activeElements,
    incidents: current ? view.incidents.map(() => ({ elementId: current })) : [],
    trailDropped: view.trailDropped,
  };
}
