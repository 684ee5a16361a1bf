/**
 * `npx tsx bench/sections.ts [results.json]`: writes the "B/A in every scenario" section again
 * from a run's results.json, into the RESULTS.md beside it — for a run taken before the
 * section existed, or after the way it is computed changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatResults } from './extra-sections';
import { writeRatioSection } from './ratio-section';
import type { BenchResults } from './report';

async function main(): Promise<void> {
  const file = path.resolve(process.argv[2] ?? path.join(__dirname, 'results.json'));
  const bench = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults;
  process.env.WAYMARK_BENCH_OUT = path.dirname(file);
  writeRatioSection(bench.results, bench.date);
  await formatResults();
  console.log(`wrote the B/A section of ${path.join(path.dirname(file), 'RESULTS.md')}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
