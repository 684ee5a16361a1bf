/**
 * `npx tsx bench/messages.ts [--waiting=10000] [--samples=100] [--cache=N] [--settle=S]` (issue 15): publication latency
 * with many instances waiting on distinct correlation keys. On the benchmark's stack (fresh dev
 * server, worker process, API in-process — `BenchEnv`) it starts `--waiting` instances that each
 * wait at a message catch event for their own key, waits until every one is registered with its
 * mailbox, lets the server settle `--settle` seconds (the set-up's backlog drains), then
 * publishes `--samples` messages one at a time, each for a random waiting key, and times
 * POST /messages/publication → the delivery signal in the instance's history (the message
 * reached its subscriber: the server's event time against the wall clock at the request, one
 * machine) and → the instance COMPLETED (it ends right after the catch).
 * Also checks each sampled instance received its message exactly once. Writes its section of
 * bench/RESULTS.md.
 */
import { tsToMs } from '@temporalio/common';
import { request } from 'undici';
import { buildBundle, BenchEnv } from './harness';
import { quantile } from './measure';
import { writeExtraSection } from './extra-sections';

const arg = (name: string, fallback: number): number => {
  const v = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  return v === undefined ? fallback : Number(v);
};

const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:message id="Msg" name="bench-paid">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=key" /></bpmn:extensionElements>
  </bpmn:message>
  <bpmn:process id="bench-waits" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:intermediateCatchEvent id="Catch"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
      <bpmn:messageEventDefinition id="Med" messageRef="Msg" />
    </bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Catch"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Catch" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

async function inBatches<T>(n: number, size: number, f: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += size)
    out.push(
      ...(await Promise.all(Array.from({ length: Math.min(size, n - i) }, (_, j) => f(i + j)))),
    );
  return out;
}

/** Epoch ms of the instance's first delivery signal (the server's event time). */
async function deliveredAt(env: BenchEnv, workflowId: string): Promise<number> {
  const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
  const event = history.events?.find(
    (e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'mailboxDelivery',
  );
  if (!event) throw new Error(`${workflowId}: no mailboxDelivery signal in its history`);
  return tsToMs(event.eventTime);
}

async function main(): Promise<void> {
  const waiting = arg('waiting', 10_000);
  const samples = arg('samples', 100);
  // Workflows the worker keeps cached (caching all 20,000 of a 10,000 run was slower: RESULTS.md).
  const maxCached = arg('cache', 2000);
  const env = await BenchEnv.start({ bundleFile: await buildBundle(), maxCached });
  try {
    const def = await env.deploy(MODEL);
    const t0 = Date.now();
    const ids = await inBatches(waiting, 100, (i) => env.startBpmn(def, { key: `K-${i}` }));
    const count = (q: string) => env.client.workflow.count(q).then((c) => c.count);
    const mailboxes = `WorkflowType = 'waymark.mailbox' AND ExecutionStatus = 'Running'`;
    while ((await count(mailboxes)) < waiting) await new Promise((r) => setTimeout(r, 500));
    const setupS = (Date.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, arg('settle', 30) * 1000));
    const latencies: number[] = [];
    const delivered: number[] = [];
    let once = 0;
    const picked = new Set<number>();
    while (picked.size < Math.min(samples, waiting))
      picked.add(Math.floor(Math.random() * waiting));
    for (const i of picked) {
      const startEpoch = Date.now();
      const start = performance.now();
      const res = await request(`${env.api.url}/messages/publication`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'bench-paid', correlationKey: `K-${i}`, variables: { n: i } }),
      });
      const body = (await res.body.json()) as { reached: unknown[] };
      if (res.statusCode !== 200 || body.reached.length !== 1)
        throw new Error(`publication K-${i}: ${res.statusCode} ${JSON.stringify(body)}`);
      const result = (await env.client.workflow.getHandle(ids[i].workflowId).result()) as {
        n?: number;
      };
      latencies.push(performance.now() - start);
      if (result.n === i) once += 1;
      delivered.push((await deliveredAt(env, ids[i].workflowId)) - startEpoch);
    }
    const p = (q: number) => quantile(latencies, q).toFixed(1);
    const d = (q: number) => quantile(delivered, q).toFixed(1);
    const lines = [
      `- date: ${new Date().toISOString()}; command: \`npx tsx bench/messages.ts --waiting=${waiting} --samples=${samples} --settle=${arg('settle', 30)}\``,
      `- ${waiting} instances waiting on distinct keys (one mailbox each), worker cache ${maxCached} workflows, set up in ${setupS.toFixed(0)} s`,
      `- publication → delivered to the instance (its \`mailboxDelivery\` signal event), ${delivered.length} samples: p50 ${d(0.5)} ms, p90 ${d(0.9)} ms, p99 ${d(0.99)} ms (target: p50 ≤ 100 ms)`,
      `- publication → instance completed: p50 ${p(0.5)} ms, p90 ${p(0.9)} ms, p99 ${p(0.99)} ms`,
      `- received exactly once (result variables): ${once} of ${latencies.length}`,
    ];
    writeExtraSection('## Messages across instances (bench/messages.ts)', lines.join('\n'));
    console.log(lines.join('\n'));
  } finally {
    await env.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
