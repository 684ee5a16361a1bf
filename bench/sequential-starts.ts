/**
 * Start calls timed one at a time (`sequentialStarts`): what a start call alone costs, with no
 * other instance competing for the worker or the server — the HTTP overhead figure.
 */
import type { Client } from '@temporalio/client';
import type { Started } from './harness';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Deterministic shuffle (mulberry32), so two runs put the arms in the same orders. */
export function shuffler(seed: number): <T>(items: T[]) => T[] {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return (items) => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
}

/** A way to start an instance (or to make a call with no instance behind it: `undefined`). */
export type StartCall = () => Promise<Started | undefined>;

/**
 * Start calls timed one at a time: each round calls every arm once, in a fresh seeded order,
 * and each start waits for its instance to complete (and `gapMs`) before the next call, so no
 * call pays for another arm's instance on the worker or the server. Round -1 warms up.
 */
export async function sequentialStarts(
  client: Client,
  arms: Record<string, StartCall>,
  rounds: number,
  opts: { gapMs?: number; onRound?: (done: number) => void } = {},
): Promise<Record<string, number[]>> {
  const names = Object.keys(arms);
  const times: Record<string, number[]> = Object.fromEntries(names.map((a) => [a, []]));
  const shuffle = shuffler(42);
  for (let i = -1; i < rounds; i++) {
    for (const name of shuffle(names)) {
      const t0 = performance.now();
      const started = await arms[name]();
      const took = performance.now() - t0;
      if (i >= 0) times[name].push(took);
      if (started) await client.workflow.getHandle(started.workflowId).result();
      if (opts.gapMs) await sleep(opts.gapMs);
    }
    opts.onRound?.(i + 1);
  }
  return times;
}
