/**
 * The polyglot path: the Python example worker (examples/python-worker, the `temporalio` PyPI
 * package in a venv its setup.sh makes) runs as a real process against the test's dev server
 * and serves the custom job types of a Camunda 8 model deployed unchanged, including a BPMN
 * error raised in Python that reaches the error boundary. Skipped only when python3 cannot make
 * a venv.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { call, startInstance, trailIds, waitFor } from '../support/api';
import { scheduledActivities } from '../support/activity-queues';
import { ReplayCheck } from '../support/histories';

const dir = path.resolve(__dirname, '..', '..', 'examples', 'python-worker');
const hasVenv = spawnSync('python3', ['-c', 'import venv, ensurepip']).status === 0;
const describeWithPython = hasVenv ? describe : describe.skip;

describeWithPython('Python job worker (temporalio)', () => {
  const replay = new ReplayCheck();
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    const setup = spawnSync(path.join(dir, 'setup.sh'), { encoding: 'utf8', timeout: 600_000 });
    if (setup.status !== 0) throw new Error(`setup.sh failed: ${setup.stderr}${setup.stdout}`);
    const deployed = await call(
      'POST',
      '/definitions?deploy=true',
      fs.readFileSync(path.join(dir, 'credit-check.bpmn'), 'utf8'),
      { 'content-type': 'application/xml' },
    );
    expect(deployed.status).toBe(201);
    const child = spawn(path.join(dir, '.venv', 'bin', 'python'), ['worker.py'], {
      cwd: dir,
      env: { ...process.env, TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker = child;
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      const onData = (d: Buffer) => {
        seen += d.toString();
        if (seen.includes('python worker ready')) resolve();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (d: Buffer) => (seen += d.toString()));
      child.on('exit', (code) => reject(new Error(`python worker exited ${code}: ${seen}`)));
    });
  }, 660_000);

  afterAll(async () => {
    if (worker?.pid !== undefined && worker.exitCode === null) {
      const exited = new Promise((r) => worker?.once('exit', r));
      worker.kill('SIGTERM');
      await exited;
    }
    expect(await replay.replayAll()).toEqual([]);
  }, 120_000);

  test('the Python worker serves credit-score and notify-applicant on their queues', async () => {
    // given a returning customer asking for credit
    const id = await startInstance('credit-check', {
      variables: { applicant: { name: 'Ada', yearsAsCustomer: 7 }, amount: 20_000 },
    });
    replay.add(id, 'credit-check-python');
    // when the Python worker has done its part
    const done = await waitFor(id);
    // then the variables it returned are the instance's, and each job ran on its type's queue
    expect(done.status).toBe('COMPLETED');
    expect(trailIds(done)).toEqual(['StartEvent_1', 'Task_Score', 'Task_Notify', 'EndEvent_Done']);
    expect(done.variables).toEqual({
      applicant: { name: 'Ada', yearsAsCustomer: 7 },
      amount: 20_000,
      score: 670,
      approved: true,
      scoredBy: 'python:Task_Score:1',
      notice: 'Dear Ada, your credit is approved',
    });
    expect(await scheduledActivities(id)).toEqual([
      ['credit-score', 'credit-score'],
      ['notify-applicant', 'notify-applicant'],
    ]);
  });

  test('a BPMN error raised in Python reaches the error boundary event', async () => {
    const id = await startInstance('credit-check', {
      variables: { applicant: { name: 'Mallory', blocked: true }, amount: 1 },
    });
    replay.add(id, 'credit-check-python-blocked');
    const done = await waitFor(id);
    expect(done.status).toBe('COMPLETED');
    expect(trailIds(done)).toEqual(['StartEvent_1', 'Error_Blocked', 'EndEvent_Blocked']);
    expect(done.variables).toEqual({ applicant: { name: 'Mallory', blocked: true }, amount: 1 });
  });
});
