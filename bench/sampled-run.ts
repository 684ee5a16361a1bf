/**
 * One long instance measured on a fresh worker (the loop and fan-out scenarios): the worker is
 * restarted, the instance started and followed to its end while the worker's RSS is sampled
 * every second, and the worker CPU it cost is the difference of the worker's counters.
 */
import type { BenchEnv, Started } from './harness';

export interface SampledRun {
  started: Started;
  totalSeconds: number;
  /** Worker CPU (user + system) the run cost, in microseconds. */
  cpuUs: number;
  rssMb: { firstHalfMax: number; secondHalfMax: number; last: number };
}

/** Runs `start` to completion on a fresh worker; `label` names the progress lines. */
export async function sampledRun(
  env: BenchEnv,
  label: string,
  start: () => Promise<Started>,
  progress: (line: string) => void,
): Promise<SampledRun> {
  await env.restartWorker();
  const before = await env.worker.stats();
  const t0 = performance.now();
  const started = await start();
  const rss: number[] = [];
  let finished = false;
  const done = env.client.workflow
    .getHandle(started.workflowId, started.runId)
    .result()
    .finally(() => (finished = true));
  while (!finished) {
    await new Promise((r) => setTimeout(r, 1000));
    rss.push((await env.worker.stats()).rssBytes / 2 ** 20);
    const s = ((performance.now() - t0) / 1000).toFixed(0);
    progress(`${label}, ${s} s, RSS ${rss[rss.length - 1].toFixed(0)} MB`);
  }
  await done;
  const totalSeconds = (performance.now() - t0) / 1000;
  const after = await env.worker.stats();
  const half = Math.floor(rss.length / 2);
  return {
    started,
    totalSeconds,
    cpuUs: after.cpuUserUs + after.cpuSystemUs - before.cpuUserUs - before.cpuSystemUs,
    rssMb: {
      firstHalfMax: Math.max(...rss.slice(0, Math.max(1, half))),
      secondHalfMax: Math.max(...rss.slice(half)),
      last: rss[rss.length - 1] ?? 0,
    },
  };
}
