/**
 * The fault suite on demand: `npm run fault` (200 instances, 2 kills of each kind), or
 * `tsx test/fault/run.ts --instances=50 --kills=1 --seed=1234 --budget=600`. Prints the kill
 * log, the figures and every finding; exits 1 when an instance was lost, stuck or duplicated.
 * WAYMARK_FAULT_SEED replays a seed too.
 */
import { runFault } from './support/run-fault';

function flag(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
  if (!Number.isFinite(value)) throw new Error(`--${name} must be a number`);
  return value;
}

async function run(): Promise<void> {
  const seed = flag('seed', Number(process.env.WAYMARK_FAULT_SEED ?? Date.now() % 1_000_000));
  const instances = flag('instances', 200);
  console.log(`[fault] seed ${seed} (replay: --seed=${seed}), ${instances} instances`);
  const report = await runFault({
    instances,
    seed,
    killsPerKind: flag('kills', 2),
    budgetMs: flag('budget', 900) * 1000,
  });
  console.log(JSON.stringify(report, null, 1));
  const bad = report.lost.length + report.stuck.length + report.duplicates.length;
  console.log(
    `[fault] ${report.instances} instances, kills ${JSON.stringify(report.kills)}: ` +
      `completed ${report.completed}, lost ${report.lost.length}, stuck ${report.stuck.length}, ` +
      `duplicates ${report.duplicates.length}, other ${report.wrong.length}; ` +
      `wall ${(report.wallMs / 1000).toFixed(1)}s; seed ${seed}`,
  );
  if (bad + report.wrong.length > 0) process.exit(1);
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
