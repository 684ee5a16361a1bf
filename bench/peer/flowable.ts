/**
 * `npm run bench -- --peer=flowable` (issue 20): Flowable 7.1 embedded in a JVM, on H2 and on
 * PostgreSQL, running the seq-1 / seq-10 / par-10 models with async (persisted-job) and, as a
 * separate arm, synchronous service tasks, measured with the Waymark arms' open-loop ladder and
 * completion window (measure.ts). Per scenario and database: a fresh database, one JVM with
 * both modes deployed, the two arms in lockstep, a warm-up the figures leave out.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ladders, medianOf, openLoop, type Arm, type LadderResult } from '../measure';
import { peerModels, type PeerMode, type PeerModel } from './flowable-models';
import { FLOWABLE_DIR, FlowableProcess } from './flowable-process';
import { openStore, type PeerDb, type PeerStore } from './flowable-store';

export interface PeerOptions {
  quick: boolean;
  reps: number;
  only?: string[];
  dbs: PeerDb[];
}

export interface PeerResult {
  scenario: string;
  db: PeerDb;
  mode: PeerMode;
  tasks: number;
  reps: number;
  ladder: LadderResult;
}

export interface PeerRun {
  results: PeerResult[];
  versions: Partial<Record<PeerDb, string>>;
  java: string;
}

const ARM: Record<PeerMode, Arm['name']> = { async: 'Flowable-async', sync: 'Flowable-sync' };

/** Compiles the Maven project (bench/peer/flowable) and copies its dependencies. */
function buildPeer(): void {
  execFileSync('mvn', ['-q', '-B', 'package'], { cwd: FLOWABLE_DIR, stdio: 'inherit' });
}

/** `java -version`'s first line (it writes to stderr). */
function javaVersion(): string {
  return spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr.split('\n')[0];
}

async function runScenario(
  store: PeerStore,
  models: PeerModel[],
  opts: PeerOptions,
  progress: (line: string) => void,
): Promise<PeerResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-flowable-'));
  const files = models.map((m) => path.join(dir, `${m.key}.bpmn20.xml`));
  models.forEach((m, i) => fs.writeFileSync(files[i], m.xml));
  // Full runs: seq-10 (the target's scenario) gets every repetition, the others one.
  const reps = opts.quick || models[0].scenario === 'seq-10' ? opts.reps : 1;
  const db = await store.database();
  const peer = await FlowableProcess.start({ ...db, bpmnFiles: files });
  const scenario = models[0].scenario;
  try {
    const arms: Arm[] = models.map((m) => ({
      name: ARM[m.mode],
      start: () => peer.start(m.key),
      result: (s) => peer.result(s),
    }));
    // Warm-up: the JIT compiles the engine's hot paths; the figures leave it out.
    for (const arm of arms) {
      progress(`flowable ${store.db} ${scenario}: warm-up ${arm.name}`);
      await openLoop(null, arm, 40, opts.quick ? 80 : 400);
    }
    const byArm = new Map<string, LadderResult[]>();
    for (let rep = 0; rep < reps; rep++) {
      const order = rep % 2 === 0 ? arms : [...arms].reverse();
      const results = await ladders(null, peer, order, {
        startRate: models[0].startRate,
        stepSeconds: opts.quick ? 2 : 5,
        // Flowable runs 10–100× Waymark's rates: doubling reaches them in as many steps.
        factor: 2,
        maxSteps: 12,
        minCount: opts.quick ? 4 : 8,
        refine: opts.quick ? 2 : 4,
        serverCpuSeconds: () => store.serverCpuSeconds(),
        onStep: (arm, rate) =>
          progress(
            `flowable ${store.db} ${scenario}: rep ${rep + 1}/${reps}, ${arm.name} at ${rate.toFixed(1)}/s`,
          ),
      });
      for (const [name, r] of results) byArm.set(name, [...(byArm.get(name) ?? []), r]);
    }
    return models.map((m) => ({
      scenario,
      db: store.db,
      mode: m.mode,
      tasks: m.tasks,
      reps,
      ladder: medianOf(byArm.get(ARM[m.mode])!),
    }));
  } finally {
    await peer.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every peer scenario on every database; a failing one is reported and the others go on. */
export async function runFlowablePeer(
  opts: PeerOptions,
  progress: (line: string) => void,
): Promise<PeerRun> {
  progress('flowable: building bench/peer/flowable (mvn package)');
  buildPeer();
  const models = peerModels().filter((m) => !opts.only || opts.only.includes(m.scenario));
  const scenarios = [...new Set(models.map((m) => m.scenario))];
  const run: PeerRun = { results: [], versions: {}, java: javaVersion() };
  for (const db of opts.dbs) {
    const store = await openStore(db);
    run.versions[db] = store.version();
    try {
      for (const scenario of scenarios) {
        const group = models.filter((m) => m.scenario === scenario);
        try {
          run.results.push(...(await runScenario(store, group, opts, progress)));
        } catch (err) {
          console.error(`\nflowable ${db} ${scenario} failed:`, err);
        }
      }
    } finally {
      await store.close();
    }
  }
  return run;
}
