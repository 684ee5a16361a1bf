/**
 * `npm start` as a newcomer runs it: its own dev server (SQLite file in its data folder), worker
 * and API on the ports the environment names; it deploys examples/, prints the API, docs and
 * Web UI URLs, serves the API, and stops cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/temporal/dev-server';

const root = path.resolve(__dirname, '..', '..');

test('npm start brings the stack up, prints three URLs and stops on SIGTERM', async () => {
  // Given free ports and an empty data folder
  const [port, tport, uiport] = [await freePort(), await freePort(), await freePort()];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-start-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    TEMPORAL_PORT: String(tport),
    TEMPORAL_UI_PORT: String(uiport),
    WAYMARK_DATA_DIR: dataDir,
  };
  delete env.TEMPORAL_ADDRESS;
  delete env.TEMPORAL_UI_URL;
  delete env.WAYMARK_TASK_QUEUE;

  // When npm start runs
  const child = spawn('npm', ['start'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', r));
  const deadline = Date.now() + 150_000;
  while (!out.includes('Web UI:') && Date.now() < deadline && child.exitCode === null)
    await new Promise((r) => setTimeout(r, 200));

  try {
    // Then it prints the three URLs and the API and Web UI answer
    expect(out).toContain(`API:     http://127.0.0.1:${port}`);
    expect(out).toContain(`Docs:    http://127.0.0.1:${port}/docs`);
    expect(out).toContain(`Web UI:  http://127.0.0.1:${uiport}/namespaces/default/workflows`);
    const live = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(live.status).toBe(200);
    const defs = (await (await fetch(`http://127.0.0.1:${port}/definitions`)).json()) as {
      items: unknown[];
    };
    expect(defs.items.length).toBeGreaterThan(0);
    const ui = await fetch(`http://127.0.0.1:${uiport}/`);
    expect(ui.status).toBe(200);
    expect(fs.existsSync(path.join(dataDir, 'temporal.sqlite'))).toBe(true);
  } finally {
    // And SIGTERM stops everything
    process.kill(-child.pid!, 'SIGTERM');
  }
  // npm itself may die of the signal; what counts is that Waymark drained and stopped in order
  const stopBy = Date.now() + 30_000;
  while (!out.includes('[waymark] stopped') && Date.now() < stopBy)
    await new Promise((r) => setTimeout(r, 200));
  expect(out).toContain('[waymark] stopped');
  // (unref: a pending 5 s timer kept jest from exiting once the child was gone)
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000).unref())]);
  await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
  await expect(fetch(`http://127.0.0.1:${uiport}/`)).rejects.toThrow();
}, 200_000);
