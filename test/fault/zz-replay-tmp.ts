import fs from 'node:fs';
import { Worker } from '@temporalio/worker';
import { bundleWorkflows } from '/work/wt-fault/src/worker/create-worker';
async function main() {
  const bundle = await bundleWorkflows();
  for (const f of process.argv.slice(2)) {
    const history = JSON.parse(fs.readFileSync(f, 'utf8'));
    // cut the failed task off: replay up to event 18
    const upto = Number(process.env.UPTO ?? 1e9);
    history.events = history.events.filter((e: any) => Number(e.eventId) <= upto);
    try {
      await Worker.runReplayHistory({ workflowBundle: bundle }, history, 'x');
      console.log(f, 'replays');
    } catch (e: any) {
      console.log(f, 'FAILS', e.message);
    }
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
