/**
 * The peer arm's models: the same generated BPMN the Waymark arms run (bench/models.ts), with
 * each noop service task rewritten for Flowable — a Java delegate (`waymark.bench.peer.Noop`,
 * completes at once like Waymark's `noop`) that is an async job (`flowable:async`, persisted
 * before it runs) or runs in the caller's transaction (`sync`).
 */
import { parallelModel, sequentialModel } from '../models';

export type PeerMode = 'async' | 'sync';

export interface PeerModel {
  /** The Waymark scenario of the same shape. */
  scenario: string;
  mode: PeerMode;
  /** The process definition key. */
  key: string;
  /** Service tasks per instance: the durable steps of the async mode. */
  tasks: number;
  /** The Waymark scenario's first ladder rate, so the low-load latency is taken at the same rate. */
  startRate: number;
  xml: string;
}

const FLOWABLE_NS = 'xmlns:flowable="http://flowable.org/bpmn"';
const ZEEBE_NOOP =
  /<bpmn:serviceTask id="([^"]+)" name="([^"]+)"><bpmn:extensionElements><zeebe:taskDefinition type="noop"\/><\/bpmn:extensionElements><\/bpmn:serviceTask>/g;

/**
 * Rewrites a generated Camunda 8 model's noop tasks into Flowable Java-delegate tasks; the
 * process id gets the mode as a suffix, so both modes deploy side by side.
 */
export function toFlowable(xml: string, mode: PeerMode): string {
  const async = mode === 'async' ? ' flowable:async="true"' : '';
  const out = xml
    .replace('<bpmn:definitions ', `<bpmn:definitions ${FLOWABLE_NS} `)
    .replace(/<bpmn:process id="([^"]+)"/, `<bpmn:process id="$1-${mode}"`)
    .replace(
      ZEEBE_NOOP,
      (_m, id: string, name: string) =>
        `<bpmn:serviceTask id="${id}" name="${name}" flowable:class="waymark.bench.peer.Noop"${async}/>`,
    );
  if (out.includes('zeebe:')) throw new Error('toFlowable: the model has a task it cannot rewrite');
  return out;
}

const processKey = (xml: string): string => /<bpmn:process id="([^"]+)"/.exec(xml)![1];

/** seq-1, seq-10 and par-10 at the Waymark scenarios' start rates, each async and sync. */
export function peerModels(): PeerModel[] {
  const shapes: [string, number, number, string][] = [
    ['seq-1', 1, 8, sequentialModel(1)],
    ['seq-10', 10, 4, sequentialModel(10)],
    ['par-10', 10, 4, parallelModel(10)],
  ];
  return shapes.flatMap(([scenario, tasks, startRate, camunda]) =>
    (['async', 'sync'] as const).map((mode) => ({
      scenario,
      mode,
      key: `${processKey(camunda)}-${mode}`,
      tasks,
      startRate,
      xml: toFlowable(camunda, mode),
    })),
  );
}
