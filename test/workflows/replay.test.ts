/**
 * Determinism guard: every recorded history in test/fixtures/histories (recorded from the BPMN
 * fixtures with WAYMARK_RECORD_HISTORIES=1 npm test) replays with the current workflow code.
 * A change to the interpreter that would break running instances fails here; such a change
 * needs `patched()`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { historiesDir, sharedBundle } from '../support/histories';

const files = fs.existsSync(historiesDir)
  ? fs
      .readdirSync(historiesDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];

test('recorded histories exist', () => {
  expect(files.length).toBeGreaterThanOrEqual(25);
});

test('every recorded history replays with the current workflow code', async () => {
  const histories = files.map((f) => {
    const recorded = JSON.parse(fs.readFileSync(path.join(historiesDir, f), 'utf8')) as {
      workflowId: string;
      history: unknown;
    };
    return { workflowId: recorded.workflowId, history: historyFromJSON(recorded.history) };
  });
  const failures: string[] = [];
  let replayed = 0;
  for await (const result of Worker.runReplayHistories(
    { workflowBundle: await sharedBundle() },
    histories,
  )) {
    replayed++;
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  expect(failures).toEqual([]);
  expect(replayed).toBe(files.length);
}, 300_000);
