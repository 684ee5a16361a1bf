/**
 * The fault schedule: a seeded random generator (the same seed gives the same instance mix and
 * the same kill moments, so a failing run can be replayed) and the kills it plans — each kind
 * `perKind` times at a random moment of the load window — run one after the other, each
 * killing with SIGKILL and waiting until the process serves again.
 */

export type KillKind = 'worker' | 'api' | 'temporal';

export interface PlannedKill {
  kind: KillKind;
  /** Milliseconds after the load started. */
  atMs: number;
}

export interface DoneKill extends PlannedKill {
  /** When it actually happened (a kill waits for the restart before it) and how long the restart took. */
  firedAtMs: number;
  restartMs: number;
}

/** mulberry32: a small seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `perKind` kills of each kind at random moments in [fromMs, toMs), in time order. */
export function planKills(
  random: () => number,
  perKind: number,
  fromMs: number,
  toMs: number,
): PlannedKill[] {
  const kinds: KillKind[] = ['worker', 'api', 'temporal'];
  const plan = kinds.flatMap((kind) =>
    Array.from({ length: perKind }, () => ({
      kind,
      atMs: Math.round(fromMs + random() * (toMs - fromMs)),
    })),
  );
  return plan.sort((a, b) => a.atMs - b.atMs);
}

/** Runs the plan against the clock of `startedAt`; resolves with what was done. */
export async function runKills(
  plan: PlannedKill[],
  startedAt: number,
  kill: (kind: KillKind) => Promise<void>,
  log: (line: string) => void,
): Promise<DoneKill[]> {
  const done: DoneKill[] = [];
  for (const planned of plan) {
    const wait = startedAt + planned.atMs - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const firedAtMs = Date.now() - startedAt;
    log(`[fault] t+${(firedAtMs / 1000).toFixed(1)}s SIGKILL ${planned.kind}`);
    const t0 = Date.now();
    await kill(planned.kind);
    const restartMs = Date.now() - t0;
    log(`[fault] ${planned.kind} serves again after ${(restartMs / 1000).toFixed(1)}s`);
    done.push({ ...planned, firedAtMs, restartMs });
  }
  return done;
}
