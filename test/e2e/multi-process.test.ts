/**
 * Several executable processes in one BPMN file, through the real API: one POST /definitions
 * creates a definition (key = process id) and a version of each, listed in `definitions` next
 * to the single-process fields; a call activity calls a sibling from the same file (by a
 * zeebe:calledElement and by a plain calledElement); a file with a problem in any process, or
 * a key taken by another kind, creates nothing at all.
 */
import { Client, Connection } from '@temporalio/client';
import { call, fixture, startInstance, trailIds, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

const xml = { 'content-type': 'application/xml' };
const deploy = (body: string) => call('POST', '/definitions?deploy=true', body, xml);

test('one upload deploys every executable process; the first keeps the single-process shape', async () => {
  // given a collaboration of three executable processes and a documentation pool
  const res = await deploy(fixture('multi-process/order-fulfilment'));
  // then 201 with the first process's fields and every process in `definitions`
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({
    key: 'mp-order',
    kind: 'bpmn',
    version: 1,
    status: 'deployed',
    created: true,
  });
  expect(res.body.warnings).toEqual([
    expect.objectContaining({ rule: 'process-not-executable', elementId: 'mp-customer' }),
  ]);
  expect(res.body.definitions).toEqual(
    ['mp-order', 'mp-shipping', 'mp-audit'].map((key, i) =>
      expect.objectContaining({
        key,
        name: ['Order', 'Shipping', 'Audit'][i],
        kind: 'bpmn',
        version: 1,
        status: 'deployed',
        enabled: true,
        created: true,
      }),
    ),
  );
  expect(res.body.id).toBe(res.body.definitions[0].id);
  expect(res.headers.get('location')).toMatch(new RegExp(`/definitions/${res.body.id}$`));
  // and each is a definition of its own; the non-executable pool is none
  for (const key of ['mp-order', 'mp-shipping', 'mp-audit']) {
    const def = await call('GET', `/definitions/${key}`);
    expect({ key, status: def.status, deployed: def.body.deployedVersion }).toEqual({
      key,
      status: 200,
      deployed: 1,
    });
  }
  expect((await call('GET', '/definitions/mp-customer')).status).toBe(404);
  // and each version's source is the whole file
  const source = await call('GET', '/definitions/mp-audit/versions/1');
  expect(source.body).toContain('<bpmn:process id="mp-order"');

  // when the same file is uploaded again, then nothing new is created
  const again = await deploy(fixture('multi-process/order-fulfilment'));
  expect(again.status).toBe(200);
  expect(again.body.definitions.map((d: any) => [d.key, d.version, d.created])).toEqual([
    ['mp-order', 1, false],
    ['mp-shipping', 1, false],
    ['mp-audit', 1, false],
  ]);
});

test('a call activity calls its siblings from the same file', async () => {
  // given the file deployed (by the test above, or now)
  await deploy(fixture('multi-process/order-fulfilment'));
  // when mp-order runs
  const id = await startInstance('mp-order', { variables: { items: 3 } });
  replay.add(id, 'multi-process-order');
  const done = await waitFor(id);
  // then both siblings ran as child workflows and their variables came back
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual([
    'StartEvent_Order',
    'Call_Shipping',
    'Call_Audit',
    'EndEvent_Order',
  ]);
  expect(done.variables).toEqual({ items: 3, shipped: true, parcels: 6, audited: true });
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  try {
    const client = new Client({ connection });
    const children: string[] = [];
    for await (const wf of client.workflow.list({ query: `ParentWorkflowId = '${id}'` }))
      children.push(wf.type);
    expect(children.sort()).toEqual(['mp-audit', 'mp-shipping']);
  } finally {
    await connection.close();
  }
});

test('a problem in any process refuses the whole file, naming process and element', async () => {
  // given a file whose mpx-shipping and mpx-order have problems (mpx-audit is valid)
  const res = await deploy(fixture('multi-process/two-invalid'));
  // then 422 lists both, each with its process
  expect(res.status).toBe(422);
  expect(res.contentType).toContain('application/problem+json');
  expect(res.body.errors).toEqual([
    expect.objectContaining({
      rule: 'service-task-type',
      elementId: 'Task_Untyped',
      processId: 'mpx-shipping',
    }),
    expect.objectContaining({
      rule: 'call-activity-process-id',
      elementId: 'Call_Audit',
      processId: 'mpx-order',
    }),
  ]);
  // and no definition was created, not even for the valid process
  for (const key of ['mpx-order', 'mpx-shipping', 'mpx-audit'])
    expect({ key, status: (await call('GET', `/definitions/${key}`)).status }).toEqual({
      key,
      status: 404,
    });
});

test('a key taken by another kind refuses the whole file', async () => {
  // given a state machine that owns the key mpc-taken
  const machine = await call('POST', '/definitions', {
    kind: 'state-machine',
    code: 'mpc-taken',
    initialState: 'NEW',
    states: [
      { code: 'NEW', isInitial: true },
      { code: 'DONE', isFinal: true },
    ],
  });
  expect(machine.status).toBe(201);
  // when a file with processes mpc-first and mpc-taken is uploaded
  const process = (id: string) =>
    `<bpmn:process id="${id}" isExecutable="true"><bpmn:startEvent id="S_${id}"><bpmn:outgoing>F_${id}</bpmn:outgoing></bpmn:startEvent><bpmn:endEvent id="E_${id}"><bpmn:incoming>F_${id}</bpmn:incoming></bpmn:endEvent><bpmn:sequenceFlow id="F_${id}" sourceRef="S_${id}" targetRef="E_${id}"/></bpmn:process>`;
  const res = await deploy(
    `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="http://bpmn.io/schema/bpmn">${process('mpc-first')}${process('mpc-taken')}</bpmn:definitions>`,
  );
  // then 409 names the key, and mpc-first was not created either
  expect(res.status).toBe(409);
  expect(res.body.detail).toContain('mpc-taken');
  expect((await call('GET', '/definitions/mpc-first')).status).toBe(404);
});
