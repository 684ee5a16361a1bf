/**
 * The Flowable peer arm's models are Waymark's generated benchmark models with the noop tasks
 * rewritten into Flowable Java-delegate tasks: same shape, same flows, one delegate per task,
 * async (a persisted job per task) or sync, and no Camunda extension left behind.
 */
import { BpmnModdle } from 'bpmn-moddle';
import { parallelModel, sequentialModel } from '../../../bench/models';
import { peerModels, toFlowable } from '../../../bench/peer/flowable-models';

const count = (xml: string, pattern: RegExp) => (xml.match(pattern) ?? []).length;

describe('toFlowable', () => {
  it('rewrites every noop task of a sequence into an async Java-delegate task and keeps the flows', () => {
    const camunda = sequentialModel(3);
    const xml = toFlowable(camunda, 'async');
    expect(count(xml, /flowable:class="waymark\.bench\.peer\.Noop" flowable:async="true"/g)).toBe(
      3,
    );
    expect(xml).not.toContain('zeebe:');
    expect(count(xml, /<bpmn:sequenceFlow /g)).toBe(count(camunda, /<bpmn:sequenceFlow /g));
    expect(xml).toContain('xmlns:flowable="http://flowable.org/bpmn"');
  });

  it('suffixes the process id with the mode, so both modes deploy side by side; sync has no job', () => {
    const camunda = parallelModel(4);
    const id = /<bpmn:process id="([^"]+)"/.exec(camunda)![1];
    const sync = toFlowable(camunda, 'sync');
    expect(sync).toContain(`<bpmn:process id="${id}-sync"`);
    expect(sync).not.toContain('flowable:async');
    expect(count(sync, /flowable:class="waymark\.bench\.peer\.Noop"/g)).toBe(4);
  });

  it('gives well-formed BPMN that a moddle reads with the same elements', async () => {
    const camunda = parallelModel(3);
    const read = async (xml: string) => {
      const { rootElement } = await new BpmnModdle().fromXML(xml);
      const process = (
        rootElement as unknown as { rootElements: { flowElements: { $type: string }[] }[] }
      ).rootElements[0];
      return process.flowElements.map((e) => e.$type).sort();
    };
    expect(await read(toFlowable(camunda, 'async'))).toEqual(await read(camunda));
  });

  it('refuses a model with a task it cannot rewrite', () => {
    const other = sequentialModel(2).replace('type="noop"', 'type="http"');
    expect(() => toFlowable(other, 'async')).toThrow(/cannot rewrite/);
  });
});

describe('peerModels', () => {
  it('has seq-1, seq-10 and par-10, each async and sync, with their task counts and unique keys', () => {
    const models = peerModels();
    expect(models.map((m) => `${m.scenario}/${m.mode}/${m.tasks}`)).toEqual([
      'seq-1/async/1',
      'seq-1/sync/1',
      'seq-10/async/10',
      'seq-10/sync/10',
      'par-10/async/10',
      'par-10/sync/10',
    ]);
    expect(new Set(models.map((m) => m.key)).size).toBe(models.length);
    for (const m of models) expect(m.xml).toContain(`<bpmn:process id="${m.key}"`);
  });
});
