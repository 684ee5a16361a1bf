/**
 * The integration workflow: runs one integration workflow (`kind: 'integration'`) node by node
 * (run.ts walks them, nodes.ts says what each kind does, expressions.ts evaluates FEEL and
 * templates with the engine's deterministic helpers) and answers the `instance` query with
 * status, variables, the node running and the trail of nodes visited. A node that fails after
 * its retries, or an expression that cannot be evaluated, fails the workflow with a message
 * naming the node (a BPMN parent turns that into an incident).
 */
import { setHandler } from '@temporalio/workflow';
import type { Variables } from '../../src/engine/types';
import { instanceQuery, type IntegrationWorkflowInput } from '../messages';
import { IntegrationRun } from './run';

/**
 * Runs one integration workflow instance; returns its output mapping's value. Not `async`: the
 * run's own promise is the workflow's, as when its body was inline here.
 */
export function runIntegration(input: IntegrationWorkflowInput): Promise<Variables> {
  const run = new IntegrationRun(input);
  setHandler(instanceQuery, () => run.view(), {
    description: 'The integration instance: status, variables, current node, trail of nodes',
  });
  return run.execute();
}
