/**
 * One integration workflow instance as it runs: its variables, the node running, the trail of
 * nodes visited, how it ended. It walks the nodes from the start node (nodes.ts runs each),
 * keeps the current details current, and ends with the output mapping's value — or fails with
 * a message naming the node (a BPMN parent turns that into an incident).
 */
import { ApplicationFailure, setCurrentDetails, workflowInfo } from '@temporalio/workflow';
import type { ActiveElement, TrailEntry, Variables } from '../../src/engine/types';
import { checkInputs } from '../../src/model/integration/inputs';
import type { IntegrationNodeIR } from '../../src/model/integration/ir';
import { now } from '../lifecycle';
import type { InstanceView, IntegrationWorkflowInput } from '../messages';
import { Expressions, NodeError, setPath } from './node-expressions';
import { runNode, type NodeContext } from './nodes';

/** Guard against endless switch loops. */
export const MAX_NODE_VISITS = 1000;

/** One integration instance's run. */
export class IntegrationRun {
  private readonly variables: Variables;
  private readonly trail: TrailEntry[] = [];
  private readonly visits: Record<string, number> = {};
  private readonly context: NodeContext;
  private readonly workflowId = workflowInfo().workflowId;
  private status: InstanceView['status'] = 'RUNNING';
  private current: ActiveElement | undefined;
  private result: Variables | undefined;
  private error: string | undefined;

  constructor(private readonly input: IntegrationWorkflowInput) {
    this.variables = { ...input.variables };
    this.context = {
      variables: this.variables,
      expressions: new Expressions(this.variables),
      instanceId: this.workflowId,
      definitionKey: input.ir.key,
    };
  }

  /** The instance as the `instance` query answers it. */
  view(): InstanceView {
    const { result, error } = this;
    return {
      status: this.status,
      variables: this.variables,
      activeElements: this.current ? [this.current] : [],
      incidents: [],
      userTasks: [],
      trail: this.trail,
      trailDropped: 0,
      ...(result !== undefined ? { result } : {}),
      generation: 0,
      ...(error !== undefined ? { error } : {}),
    };
  }

  /** Runs the nodes from the start node; returns the output, or fails the workflow. */
  async execute(): Promise<Variables> {
    const { ir } = this.input;
    this.details();
    try {
      const problems = checkInputs(ir.inputs, this.variables);
      if (problems.length > 0)
        throw new NodeError(
          `invalid inputs: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
        );
      let nodeId: string | undefined = ir.start;
      let steps = 0;
      while (nodeId !== undefined) {
        const node: IntegrationNodeIR | undefined = ir.nodes[nodeId];
        if (!node) throw new NodeError(`no node '${nodeId}'`);
        if (++steps > MAX_NODE_VISITS)
          throw new NodeError(`more than ${MAX_NODE_VISITS} node visits (an endless loop?)`);
        nodeId = await this.visit(node);
      }
      const output: Variables = {};
      for (const [target, expression] of Object.entries(ir.output))
        setPath(output, target, this.context.expressions.feel(`output.${target}`, expression));
      this.result = output;
      this.status = 'COMPLETED';
      this.details();
      return output;
    } catch (err) {
      if (!(err instanceof NodeError)) throw err;
      this.status = 'FAILED';
      this.error = err.message;
      this.details();
      throw ApplicationFailure.nonRetryable(err.message, 'IntegrationFailed');
    }
  }

  /** Runs `node` as the current element, then adds it to the trail; returns the next node id. */
  private async visit(node: IntegrationNodeIR): Promise<string | undefined> {
    this.visits[node.id] = (this.visits[node.id] ?? 0) + 1;
    const feiId = `${this.workflowId}/${node.id}/${this.visits[node.id]}`;
    const startedAt = new Date(now()).toISOString();
    const named = node.name !== undefined ? { name: node.name } : {};
    this.current = {
      flowElementInstanceId: feiId,
      elementId: node.id,
      ...named,
      type: node.type,
      since: startedAt,
      status: 'active',
    };
    if (node.type === 'http' || node.type === 'ai') this.details();
    const next = await runNode(this.context, node, feiId);
    this.trail.push({
      elementId: node.id,
      ...named,
      type: node.type,
      flowElementInstanceId: feiId,
      startedAt,
      endedAt: new Date(now()).toISOString(),
    });
    this.current = undefined;
    return next;
  }

  /** Current details: the definition, status, node running, error. */
  private details(): void {
    const d = this.input.definition;
    const lines = [`**${d.name ?? d.key}** v${d.version} (integration) — ${this.status}`];
    const { current, error } = this;
    if (current)
      lines.push('', `Running: ${current.name ?? current.elementId} (\`${current.type}\`)`);
    if (error) lines.push('', `Error: ${error}`);
    setCurrentDetails(lines.join('\n'));
  }
}
