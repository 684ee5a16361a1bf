/**
 * The Temporal CLI against the test dev server, as an operator would use it:
 * `temporal workflow show` of an instance, with every payload decoded, so a test can assert
 * what an operator reading the history (CLI or Web UI) would see.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ensureTemporalCli } from '../../src/temporal/dev-server';

const run = promisify(execFile);

/** `temporal workflow show --output json` of the workflow's latest run. */
export async function workflowShow(workflowId: string): Promise<string> {
  const bin = await ensureTemporalCli();
  const { stdout } = await run(
    bin,
    [
      'workflow',
      'show',
      '--workflow-id',
      workflowId,
      '--address',
      process.env.TEMPORAL_ADDRESS as string,
      '--output',
      'json',
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}

/** The history as the CLI prints it, followed by every payload's `data` decoded from base64. */
export async function historyText(workflowId: string): Promise<string> {
  const raw = await workflowShow(workflowId);
  const decoded: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, val] of Object.entries(v)) {
        if (k === 'data' && typeof val === 'string')
          decoded.push(Buffer.from(val, 'base64').toString('utf8'));
        else walk(val);
      }
    }
  };
  walk(JSON.parse(raw));
  return `${raw}\n${decoded.join('\n')}`;
}
