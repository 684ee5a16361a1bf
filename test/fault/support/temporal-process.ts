/**
 * A Temporal dev server the fault suite can kill: its own process on fixed loopback ports with
 * a persistent SQLite file in a temp folder, so a SIGKILL loses nothing that was committed and
 * a restart on the same port picks the state up again (workers and clients reconnect).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startDevServer, type DevServer } from '../../../src/temporal/dev-server';

export class KillableTemporal {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-fault-temporal-'));
  private server: DevServer | undefined;
  private port = 0;
  private uiPort = 0;

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port = await freePort();
    this.uiPort = await freePort();
    await this.launch();
  }

  /** SIGKILL (no shutdown: whatever SQLite had not committed is gone), then the same server again. */
  async killAndRestart(): Promise<void> {
    const server = this.server;
    if (!server) throw new Error('Temporal is not running');
    process.kill(server.pid, 'SIGKILL');
    await server.stop(); // resolves once the killed process has exited
    await this.launch();
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = undefined;
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private async launch(): Promise<void> {
    // A killed server's port can linger for a moment; try again for a while.
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        this.server = await startDevServer({
          port: this.port,
          uiPort: this.uiPort,
          dbFile: path.join(this.dir, 'temporal.db'),
          logFile: path.join(this.dir, 'temporal.log'),
          extraArgs: ['--headless'],
        });
        return;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }
}
