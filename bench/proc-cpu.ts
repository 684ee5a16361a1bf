/**
 * CPU time of another process (all its threads), from /proc/<pid>/stat: the dev server's share
 * of each arm's cost. Linux only, like the rest of the bench's process figures.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let ticksPerSecond: number | undefined;

/** /proc/<pid>/stat's fields after the command name (which may hold spaces): field 3 on. */
function statFields(pid: number | string): string[] {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function ticks(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  return ticksPerSecond;
}

/** User + system CPU seconds the process has used so far (utime and stime: fields 14, 15). */
export function processCpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) / ticks();
}

/**
 * CPU seconds of a server that forks a process per connection (PostgreSQL): the parent's own
 * time, its reaped children's (cutime, cstime: fields 16, 17) and its live children's.
 */
export function processTreeCpuSeconds(pid: number): number {
  const own = statFields(pid);
  let total = [11, 12, 13, 14].reduce((n, i) => n + Number(own[i]), 0);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const f = statFields(entry);
      if (Number(f[1]) === pid) total += Number(f[11]) + Number(f[12]);
    } catch {
      // The process ended while the folder was read.
    }
  }
  return total / ticks();
}
