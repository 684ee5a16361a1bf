/**
 * The integration interpreter: runs one integration workflow (`kind: 'integration'`) node by
 * node. `http` and `ai` nodes are activities named `http` and `ai` (retries per node, summary =
 * node name); `transform` and `switch` are evaluated here with the engine's deterministic FEEL
 * helpers. The `instance` query shows status, variables, the node running and the trail of
 * nodes visited. A node that fails after its retries, or an expression that cannot be
 * evaluated, fails the workflow with a message naming the node (a BPMN parent turns that into
 * an incident).
 */
import {
  ActivityFailure,
  ApplicationFailure,
  isCancellation,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { AiTaskInput, AiTaskResult } from '../../activities/ai-task';
import type { TaskInput } from '../../activities/task-input';
import { evaluateFeel, renderTemplate } from '../../src/engine';
import type { ActiveElement, TrailEntry, Variables } from '../../src/engine/types';
import { checkInputs } from '../../src/model/integration/inputs';
import type { AiNodeIR, HttpNodeIR, IntegrationNodeIR } from '../../src/model/integration/ir';
import { instanceQuery, type InstanceView, type IntegrationWorkflowInput } from '../messages';
import { deepestMessage } from '../failures';

/** Guard against endless switch loops. */
export const MAX_NODE_VISITS = 1000;

type NodeActivities = {
  http: (input: TaskInput) => Promise<{ response?: unknown }>;
  ai: (input: AiTaskInput) => Promise<AiTaskResult>;
};

/** A node failure: fails the workflow with this message. */
class NodeError extends Error {}

/** Runs one integration workflow instance; returns its output mapping's value. */
export async function runIntegration(input: IntegrationWorkflowInput): Promise<Variables> {
  const { ir } = input;
  const info = workflowInfo();
  const variables: Variables = { ...input.variables };
  const trail: TrailEntry[] = [];
  const visits: Record<string, number> = {};
  let status: InstanceView['status'] = 'RUNNING';
  let current: ActiveElement | undefined;
  let result: Variables | undefined;
  let error: string | undefined;

  setHandler(
    instanceQuery,
    (): InstanceView => ({
      status,
      variables,
      activeElements: current ? [current] : [],
      incidents: [],
      userTasks: [],
      trail,
      trailDropped: 0,
      ...(result !== undefined ? { result } : {}),
      generation: 0,
      ...(error !== undefined ? { error } : {}),
    }),
    { description: 'The integration instance: status, variables, current node, trail of nodes' },
  );

  const details = (): void => {
    const d = input.definition;
    const lines = [`**${d.name ?? d.key}** v${d.version} (integration) — ${status}`];
    if (current)
      lines.push('', `Running: ${current.name ?? current.elementId} (\`${current.type}\`)`);
    if (error) lines.push('', `Error: ${error}`);
    setCurrentDetails(lines.join('\n'));
  };

  const now = (): number => Date.now();
  const opts = (): { now: number } => ({ now: now() });

  /** FEEL (`=expr` or a mapping value) over the variables plus `extra`. */
  const feel = (where: string, expression: string, extra: Variables = {}): unknown => {
    const r = evaluateFeel(expression, { ...variables, ...extra }, opts());
    if (!r.ok) throw new NodeError(`${where}: ${r.error}`);
    return r.value;
  };
  /** A template string (`${…}`), or FEEL keeping its type when it starts with `=`. */
  const value = (where: string, text: string): unknown => {
    if (text.trim().startsWith('=')) return feel(where, text);
    const r = renderTemplate(text, variables, opts());
    if (!r.ok) throw new NodeError(`${where}: ${r.error}`);
    return r.value;
  };
  const deep = (where: string, v: unknown): unknown => {
    if (typeof v === 'string') return value(where, v);
    if (Array.isArray(v)) return v.map((x, i) => deep(`${where}[${i}]`, x));
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(`${where}.${k}`, x)]));
    return v;
  };
  const strings = (where: string, record?: Record<string, string>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [k, t] of Object.entries(record ?? {})) {
      const v = value(`${where}.${k}`, t);
      out[k] = typeof v === 'string' ? v : JSON.stringify(v);
    }
    return out;
  };
  const assign = (
    where: string,
    mapping: Record<string, string> | undefined,
    extra: Variables = {},
  ) => {
    for (const [target, expression] of Object.entries(mapping ?? {}))
      setPath(variables, target, feel(`${where}.${target}`, expression, extra));
  };

  const activitiesFor = (node: HttpNodeIR | AiNodeIR) =>
    proxyActivities<NodeActivities>({
      startToCloseTimeout: node.timeoutMs ? 2 * node.timeoutMs + 10_000 : '5 minutes',
      summary: node.name ?? node.id,
      retry: {
        maximumAttempts: node.retries ?? 3,
        initialInterval: '1 second',
        backoffCoefficient: 2,
        maximumInterval: '30 seconds',
      },
    });

  const runHttp = async (node: HttpNodeIR, feiId: string): Promise<void> => {
    const at = `node '${node.id}'`;
    const body = node.body === undefined ? undefined : deep(`${at} body`, node.body);
    const task: TaskInput = {
      flowElementInstanceId: feiId,
      elementId: node.id,
      ...(node.name !== undefined ? { elementName: node.name } : {}),
      taskType: 'http',
      headers: { resultVariable: 'response' },
      variables: {
        method: node.method,
        url: value(`${at} url`, node.url),
        headers: strings(`${at} headers`, node.headers),
        queryParameters: strings(`${at} query`, node.query),
        ...(body !== undefined ? { body } : {}),
        ...(node.timeoutMs ? { readTimeoutInSeconds: node.timeoutMs / 1000 } : {}),
      },
      instanceId: info.workflowId,
      definitionKey: ir.key,
    };
    const out = await activity(at, () => activitiesFor(node).http(task));
    const response = out.response ?? null;
    if (node.resultVariable) setPath(variables, node.resultVariable, response);
    assign(`${at} result`, node.result, { response });
  };

  const runAi = async (node: AiNodeIR, feiId: string): Promise<void> => {
    const at = `node '${node.id}'`;
    const messages: AiTaskInput['messages'] = [];
    if (node.system)
      messages.push({ role: 'system', content: String(value(`${at} system`, node.system)) });
    messages.push({ role: 'user', content: String(value(`${at} prompt`, node.prompt)) });
    const task: AiTaskInput = {
      flowElementInstanceId: feiId,
      nodeId: node.id,
      messages,
      ...(node.model !== undefined ? { model: node.model } : {}),
      ...(node.schema !== undefined ? { schema: node.schema } : {}),
      ...(node.temperature !== undefined ? { temperature: node.temperature } : {}),
      ...(node.timeoutMs !== undefined ? { timeoutMs: node.timeoutMs } : {}),
    };
    const out = await activity(at, () => activitiesFor(node).ai(task));
    setPath(variables, node.resultVariable, out.value);
  };

  /** Runs one node; returns the id of the next node (undefined = end). */
  const runNode = async (node: IntegrationNodeIR, feiId: string): Promise<string | undefined> => {
    switch (node.type) {
      case 'http':
        await runHttp(node, feiId);
        return node.next;
      case 'ai':
        await runAi(node, feiId);
        return node.next;
      case 'transform': {
        // Every expression sees the variables as they were before the node.
        const before = { ...variables };
        const computed = Object.entries(node.set).map(
          ([target, e]) =>
            [target, feelOver(before, `node '${node.id}' set.${target}`, e)] as const,
        );
        for (const [target, v] of computed) setPath(variables, target, v);
        return node.next;
      }
      case 'switch': {
        for (const [i, c] of node.cases.entries())
          if (feel(`node '${node.id}' cases.${i}.when`, c.when) === true) return c.next;
        return node.default;
      }
    }
  };
  const feelOver = (vars: Variables, where: string, expression: string): unknown => {
    const r = evaluateFeel(expression, vars, opts());
    if (!r.ok) throw new NodeError(`${where}: ${r.error}`);
    return r.value;
  };

  details();
  try {
    const problems = checkInputs(ir.inputs, variables);
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
      visits[node.id] = (visits[node.id] ?? 0) + 1;
      const feiId = `${info.workflowId}/${node.id}/${visits[node.id]}`;
      const startedAt = new Date(now()).toISOString();
      current = {
        flowElementInstanceId: feiId,
        elementId: node.id,
        ...(node.name !== undefined ? { name: node.name } : {}),
        type: node.type,
        since: startedAt,
        status: 'active',
      };
      if (node.type === 'http' || node.type === 'ai') details();
      const next = await runNode(node, feiId);
      trail.push({
        elementId: node.id,
        ...(node.name !== undefined ? { name: node.name } : {}),
        type: node.type,
        flowElementInstanceId: feiId,
        startedAt,
        endedAt: new Date(now()).toISOString(),
      });
      current = undefined;
      nodeId = next;
    }
    const output: Variables = {};
    for (const [target, expression] of Object.entries(ir.output))
      setPath(output, target, feel(`output.${target}`, expression));
    result = output;
    status = 'COMPLETED';
    details();
    return output;
  } catch (err) {
    if (!(err instanceof NodeError)) throw err;
    status = 'FAILED';
    error = err.message;
    details();
    throw ApplicationFailure.nonRetryable(err.message, 'IntegrationFailed');
  }
}

/** Awaits an activity; its failure (after retries) becomes a NodeError with the root cause. */
async function activity<T>(where: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ActivityFailure && !isCancellation(err))
      throw new NodeError(`${where}: ${deepestMessage(err)}`);
    throw err;
  }
}

/** Writes `value` at a dotted path (`customer.id`), creating objects on the way. */
function setPath(target: Variables, path: string, value: unknown): void {
  const parts = path.split('.');
  let obj: Variables = target;
  for (const part of parts.slice(0, -1)) {
    const next = obj[part];
    if (!next || typeof next !== 'object' || Array.isArray(next)) obj[part] = {};
    obj = obj[part] as Variables;
  }
  obj[parts[parts.length - 1]!] = value;
}
