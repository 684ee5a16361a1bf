/**
 * Message starts with a start key (src/api/message-starts.ts), as a thrown message makes them
 * (activities/mailbox.ts: the thrower's run and element instance): a retry with the same key
 * answers with the instance the first attempt started and starts no other; another key starts
 * another instance. Real registry, real compiler, the test Temporal server.
 */
import pino from 'pino';
import { realCompile } from '../../src/api/compiler';
import type { ApiDeps } from '../../src/api/deps';
import { startByMessage } from '../../src/api/message-starts';
import { startTestApi, temporalAddress, type TestApi } from './support';

const model = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="started-by-thrown" isExecutable="true">
    <bpmn:startEvent id="Start_Msg"><bpmn:outgoing>f1</bpmn:outgoing><bpmn:messageEventDefinition messageRef="M"/></bpmn:startEvent>
    <bpmn:userTask id="Wait"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start_Msg" targetRef="Wait"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Wait" targetRef="End"/>
  </bpmn:process>
  <bpmn:message id="M" name="order-thrown"/>
</bpmn:definitions>`;

const describeIf = temporalAddress ? describe : describe.skip;

describeIf('message starts with a start key', () => {
  let api: TestApi;
  let deps: ApiDeps;
  const started: string[] = [];
  beforeAll(async () => {
    api = await startTestApi({ compile: realCompile });
    deps = {
      config: api.config,
      registry: api.registry,
      temporal: { client: api.client },
      compile: realCompile,
      logger: pino({ level: 'silent' }),
    };
    const res = await fetch(`${api.url}/definitions?deploy=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: model,
    });
    expect(res.status).toBe(201);
  });
  afterAll(async () => {
    for (const id of started)
      await api.client.workflow
        .getHandle(id)
        .terminate('test done')
        .catch(() => undefined);
    await api.close();
  });

  it('a retry with the same key starts nothing new; another key starts another instance', async () => {
    const message = { name: 'order-thrown', variables: { n: 1 }, startKey: 'run-1/Throw/1' };
    const first = await startByMessage(deps, message);
    expect(first.map((s) => s.definitionKey)).toEqual(['started-by-thrown']);
    started.push(first[0].instanceId);
    const retry = await startByMessage(deps, message);
    expect(retry.map((s) => s.instanceId)).toEqual([first[0].instanceId]);
    const other = await startByMessage(deps, { ...message, startKey: 'run-1/Throw/2' });
    expect(other).toHaveLength(1);
    expect(other[0].instanceId).not.toBe(first[0].instanceId);
    started.push(other[0].instanceId);
    const described = await api.client.workflow.getHandle(first[0].instanceId).describe();
    expect(described.status.name).toBe('RUNNING');
  });
});
