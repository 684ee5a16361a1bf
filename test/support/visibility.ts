/**
 * Visibility checks for end-to-end tests: what Temporal's search shows of an instance (search
 * attributes are indexed asynchronously, so the count is polled until it appears or time runs out).
 */
import { Client, Connection } from '@temporalio/client';

/** Polls `count(query)` until it is at least `expected`; returns the last count. */
export async function visibleCount(
  query: string,
  expected = 1,
  timeoutMs = 20_000,
): Promise<number> {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  try {
    const client = new Client({ connection });
    const deadline = Date.now() + timeoutMs;
    let count = 0;
    for (;;) {
      count = (await client.workflow.count(query)).count;
      if (count >= expected || Date.now() > deadline) return count;
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await connection.close();
  }
}
