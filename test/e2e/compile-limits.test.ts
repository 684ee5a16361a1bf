/**
 * Compile limits end to end (issue 16, defect 11): a model over the element limit and a model
 * whose IR could not fit a start input are refused at deploy with the numbers, nothing stored;
 * and the API stays responsive — `/health/live` answers at once — while a large model compiles
 * (the compiler runs in a worker thread, not on the event loop).
 */
import { call } from '../support/api';

/** Start → n tasks in a chain → end; ids padded with `pad` to make the IR larger. */
function chain(key: string, n: number, pad = ''): string {
  const task = (i: number) => (i === 0 ? 'S' : `Task_${pad}${i}`);
  const flow = (i: number) => `Flow_${pad}${i}`;
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="http://bpmn.io/schema/bpmn"><bpmn:process id="${key}" isExecutable="true"><bpmn:startEvent id="S"><bpmn:outgoing>${flow(0)}</bpmn:outgoing></bpmn:startEvent>`,
  ];
  for (let i = 1; i <= n; i++)
    parts.push(
      `<bpmn:task id="${task(i)}"><bpmn:incoming>${flow(i - 1)}</bpmn:incoming><bpmn:outgoing>${flow(i)}</bpmn:outgoing></bpmn:task><bpmn:sequenceFlow id="${flow(i - 1)}" sourceRef="${task(i - 1)}" targetRef="${task(i)}"/>`,
    );
  parts.push(
    `<bpmn:endEvent id="E"><bpmn:incoming>${flow(n)}</bpmn:incoming></bpmn:endEvent><bpmn:sequenceFlow id="${flow(n)}" sourceRef="${task(n)}" targetRef="E"/></bpmn:process></bpmn:definitions>`,
  );
  return parts.join('\n');
}

const deploy = (xml: string) =>
  call('POST', '/definitions?deploy=true', xml, { 'content-type': 'application/xml' });

test('a model over the element limit is refused with its count and the limit', async () => {
  // 5,001 tasks + start + end + 5,002 flows = 10,005 flow elements
  const res = await deploy(chain('too-many-elements', 5001));
  expect(res.status).toBe(422);
  expect(res.contentType).toContain('application/problem+json');
  expect(res.body.errors).toEqual([
    {
      rule: 'model-elements',
      message: expect.stringContaining(
        'has 10005 flow elements (nodes and sequence flows), over the limit of 10000',
      ),
    },
  ]);
  expect((await call('GET', '/definitions/too-many-elements')).status).toBe(404);
}, 60_000);

test('a model whose IR could not fit a start input is refused at deploy', async () => {
  // ~1.46 MB of XML (under the body limit), ~1.9 MB of IR (over what a start input leaves)
  const xml = chain('ir-too-big', 4900, 'x'.repeat(16) + '_');
  expect(xml.length).toBeLessThan(1.5 * 1024 * 1024);
  const res = await deploy(xml);
  expect(res.status).toBe(422);
  expect(res.body.errors).toEqual([
    {
      rule: 'ir-size',
      message: expect.stringMatching(/^The compiled model is \d+ bytes, over the 1769472 bytes/),
    },
  ]);
  expect((await call('GET', '/definitions/ir-too-big')).status).toBe(404);
}, 60_000);

test('/health/live answers at once while a large model compiles', async () => {
  let deployed = false;
  const deploying = deploy(chain('large-model', 3000)).finally(() => (deployed = true));
  const latencies: number[] = [];
  // given the deploy in flight, when health is asked every 50 ms until the deploy answers
  await new Promise((r) => setTimeout(r, 100));
  while (!deployed) {
    const t = Date.now();
    const health = await call('GET', '/health/live');
    expect(health.status).toBe(200);
    latencies.push(Date.now() - t);
    await new Promise((r) => setTimeout(r, 50));
  }
  const res = await deploying;
  expect(res.status).toBe(201);
  // then health answered many times during the compile, none held for the compile's length
  // (on the event loop it would wait seconds; the bound leaves room for a loaded machine)
  expect(latencies.length).toBeGreaterThanOrEqual(5);
  expect(Math.max(...latencies)).toBeLessThan(1500);
  expect([...latencies].sort((a, b) => a - b)[latencies.length >> 1]).toBeLessThan(300);
}, 120_000);
