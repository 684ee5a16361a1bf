/**
 * `npx tsx bench/signal-broadcast.ts [--n=1000] [--concurrency=20]`: one signal broadcast to
 * many waiting instances (on demand only; not part of jest or `npm run bench`). On the
 * benchmark's stack (fresh dev server, worker, API — `BenchEnv`) it starts `n` instances that
 * wait at a user task with a non-interrupting signal boundary whose path counts deliveries
 * (`received`), waits until visibility shows all `n` subscribed (`WaymarkSignals`), times one
 * `POST /signals/broadcast`, then reads every instance and checks it received the signal
 * exactly once. Prints the broadcast time and the counts; exits 1 when any instance got the
 * signal never or twice.
 */
import { request } from 'undici';
import { buildBundle, BenchEnv, type Started } from './harness';

const SIGNAL = 'bench-broadcast';

const model = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:signal id="Sig" name="${SIGNAL}"/>
  <bpmn:process id="bench-signal-wait" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Task_Wait"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:boundaryEvent id="Boundary_Signal" attachedToRef="Task_Wait" cancelActivity="false"><bpmn:outgoing>f3</bpmn:outgoing>
      <bpmn:signalEventDefinition signalRef="Sig"/></bpmn:boundaryEvent>
    <bpmn:scriptTask id="Script_Count"><bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>f4</bpmn:outgoing>
      <bpmn:extensionElements><zeebe:script expression="=if received = null then 1 else received + 1" resultVariable="received"/></bpmn:extensionElements></bpmn:scriptTask>
    <bpmn:endEvent id="End_Counted"><bpmn:incoming>f4</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_Wait"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Task_Wait" targetRef="End"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Boundary_Signal" targetRef="Script_Count"/>
    <bpmn:sequenceFlow id="f4" sourceRef="Script_Count" targetRef="End_Counted"/>
  </bpmn:process>
</bpmn:definitions>`;

function arg(name: string, fallback: number): number {
  const v = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  return v === undefined ? fallback : Number(v);
}

/** Runs `fn` over `items`, at most `limit` at once. */
async function pooled<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  });
  await Promise.all(lanes);
  return out;
}

async function instanceVariables(api: string, id: string): Promise<Record<string, unknown>> {
  const res = await request(`${api}/instances/${encodeURIComponent(id)}`);
  const body = (await res.body.json()) as { variables?: Record<string, unknown> };
  return body.variables ?? {};
}

async function main(): Promise<void> {
  const n = arg('n', 1000);
  const concurrency = arg('concurrency', 20);
  const bundleFile = await buildBundle();
  const env = await BenchEnv.start({ bundleFile, maxCached: Math.max(1000, n) });
  try {
    const deployed = await env.deploy(model);
    const t0 = performance.now();
    const started: Started[] = await pooled(
      Array.from({ length: n }, (_, i) => i),
      concurrency,
      () => env.startHttp(deployed, {}),
    );
    process.stderr.write(`${n} started in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    // Visibility is eventually consistent: broadcast only once every subscription shows.
    const query = `WaymarkSignals = "${SIGNAL}" AND ExecutionStatus = "Running"`;
    const deadline = Date.now() + 300_000;
    let visible = 0;
    while ((visible = (await env.client.workflow.count(query)).count) < n) {
      if (Date.now() > deadline) throw new Error(`only ${visible}/${n} visible as subscribed`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const t1 = performance.now();
    const res = await request(`${env.api.url}/signals/broadcast`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ signalName: SIGNAL }),
    });
    const outcome = (await res.body.json()) as { reached: number; started: number };
    const broadcastMs = performance.now() - t1;
    // Each instance counts what reached its boundary; poll until the count is set.
    const received = await pooled(started, concurrency, async (s) => {
      for (let tries = 0; tries < 100; tries++) {
        const v = (await instanceVariables(env.api.url, s.workflowId)).received;
        if (v !== undefined) return v;
        await new Promise((r) => setTimeout(r, 100));
      }
      return 0;
    });
    const once = received.filter((v) => v === 1).length;
    const never = received.filter((v) => v === 0).length;
    const more = n - once - never;
    console.log(
      `broadcast to ${n} waiting instances: ${broadcastMs.toFixed(0)} ms, reached ${outcome.reached}; ` +
        `received once ${once}, never ${never}, more than once ${more}`,
    );
    if (once !== n || outcome.reached !== n) process.exitCode = 1;
  } finally {
    await env.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
