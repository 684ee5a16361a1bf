/**
 * How a driver runs another Waymark definition as a child workflow — a call activity, an
 * integration task, a state-machine action: the workflow type is the definition's key, the
 * child runs on this worker's task queue, its summary names the definition and who called it,
 * and it starts tagged with the search attributes every Waymark start carries
 * (`startSearchAttributes`). The `waymark.notify` child (notify.ts) is no definition and is
 * started differently: abandoned, not awaited, without attributes.
 */
import {
  executeChild,
  ParentClosePolicy,
  startChild,
  uuid4,
  workflowInfo,
  type ChildWorkflowHandle,
  type ChildWorkflowOptions,
} from '@temporalio/workflow';
import { startSearchAttributes } from '../src/temporal/search-attributes';

/** The definition a child runs, as resolved (`resolveDefinition`). */
export interface ChildDefinition {
  id: string;
  key: string;
  version: number;
  name?: string;
}

/** How to start one child. */
export interface ChildStart<I> {
  /** The definition kind, for the `WaymarkKind` attribute (and a BPMN child's own attributes). */
  kind: string;
  input: I;
  /** What follows the definition's name and version in the summary: ` · called by Task_1`. */
  summary: string;
  /** Defaults to `<key>:<uuid>` (uuid4 is deterministic in workflows). */
  workflowId?: string;
}

/** Runs `definition` as a child workflow and resolves with its result. */
export function executeDefinition<I, R>(
  definition: ChildDefinition,
  start: ChildStart<I>,
): Promise<R> {
  return executeChild<(input: I) => Promise<R>>(definition.key, childOptions(definition, start));
}

/**
 * Starts `definition` as a child that outlives this run (`ParentClosePolicy.ABANDON`:
 * continue-as-new does not end it) and resolves with its handle once it runs.
 */
export function startAbandonedDefinition<I, R>(
  definition: ChildDefinition,
  start: ChildStart<I>,
): Promise<ChildWorkflowHandle<(input: I) => Promise<R>>> {
  return startChild<(input: I) => Promise<R>>(definition.key, {
    ...childOptions(definition, start),
    parentClosePolicy: ParentClosePolicy.ABANDON,
  });
}

function childOptions<I>(
  definition: ChildDefinition,
  start: ChildStart<I>,
): ChildWorkflowOptions & { args: [I] } {
  return {
    workflowId: start.workflowId ?? `${definition.key}:${uuid4()}`,
    args: [start.input],
    taskQueue: workflowInfo().taskQueue,
    staticSummary: `${definition.name ?? definition.key} v${definition.version}${start.summary}`,
    typedSearchAttributes: startSearchAttributes(start.kind, definition),
  };
}
