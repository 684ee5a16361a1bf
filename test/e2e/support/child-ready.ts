/** Resolves once a child process prints `marker` on stdout; rejects if it exits first or after 180 s. */
import type { ChildProcess } from 'node:child_process';

export function printed(child: ChildProcess, marker: string, label: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${label} not ready: ${seen}`)), 180_000);
    child.stdout?.on('data', (d: Buffer) => {
      seen += d.toString();
      if (seen.includes(marker)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited with ${code}: ${seen}`));
    });
  });
}
