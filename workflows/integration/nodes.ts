/**
 * What each integration node does: `http` and `ai` nodes are activities named `http` and `ai`
 * (retries per node, summary = node name), `transform` sets variables from FEEL expressions
 * that all see the variables as they were before the node, `switch` picks the first case whose
 * condition holds. A node that fails after its retries is a `NodeError` naming the node.
 */
import { ActivityFailure, isCancellation, proxyActivities } from '@temporalio/workflow';
import type { AiTaskInput, AiTaskResult } from '../../activities/ai-task';
import type { TaskInput } from '../../activities/task-input';
import type { Variables } from '../../src/engine/types';
import type { AiNodeIR, HttpNodeIR, IntegrationNodeIR } from '../../src/model/integration/ir';
import { TASK_HEARTBEAT_TIMEOUT } from '../../src/model/task-types';
import { deepestMessage } from '../failures';
import { feelOver, NodeError, setPath, type Expressions } from './node-expressions';

type NodeActivities = {
  http: (input: TaskInput) => Promise<{ response?: unknown }>;
  ai: (input: AiTaskInput) => Promise<AiTaskResult>;
};

/** What a node runs against: the instance's variables and where it runs. */
export interface NodeContext {
  variables: Variables;
  expressions: Expressions;
  instanceId: string;
  definitionKey: string;
}

/** Runs one node; returns the id of the next node (undefined = end). */
export async function runNode(
  ctx: NodeContext,
  node: IntegrationNodeIR,
  feiId: string,
): Promise<string | undefined> {
  switch (node.type) {
    case 'http':
      await runHttp(ctx, node, feiId);
      return node.next;
    case 'ai':
      await runAi(ctx, node, feiId);
      return node.next;
    case 'transform': {
      // Every expression sees the variables as they were before the node.
      const before = { ...ctx.variables };
      const computed = Object.entries(node.set).map(
        ([target, e]) => [target, feelOver(before, `node '${node.id}' set.${target}`, e)] as const,
      );
      for (const [target, v] of computed) setPath(ctx.variables, target, v);
      return node.next;
    }
    case 'switch': {
      for (const [i, c] of node.cases.entries())
        if (ctx.expressions.feel(`node '${node.id}' cases.${i}.when`, c.when) === true)
          return c.next;
      return node.default;
    }
  }
}

async function runHttp(ctx: NodeContext, node: HttpNodeIR, feiId: string): Promise<void> {
  const at = `node '${node.id}'`;
  const x = ctx.expressions;
  const body = node.body === undefined ? undefined : x.deep(`${at} body`, node.body);
  const task: TaskInput = {
    flowElementInstanceId: feiId,
    elementId: node.id,
    ...(node.name !== undefined ? { elementName: node.name } : {}),
    taskType: 'http',
    headers: { resultVariable: 'response' },
    variables: {
      method: node.method,
      url: x.value(`${at} url`, node.url),
      headers: x.strings(`${at} headers`, node.headers),
      queryParameters: x.strings(`${at} query`, node.query),
      ...(body !== undefined ? { body } : {}),
      ...(node.timeoutMs ? { readTimeoutInSeconds: node.timeoutMs / 1000 } : {}),
    },
    instanceId: ctx.instanceId,
    definitionKey: ctx.definitionKey,
  };
  const out = await activity(at, () => activitiesFor(node).http(task));
  const response = out.response ?? null;
  if (node.resultVariable) setPath(ctx.variables, node.resultVariable, response);
  x.assign(`${at} result`, node.result, { response });
}

async function runAi(ctx: NodeContext, node: AiNodeIR, feiId: string): Promise<void> {
  const at = `node '${node.id}'`;
  const x = ctx.expressions;
  const messages: AiTaskInput['messages'] = [];
  if (node.system)
    messages.push({ role: 'system', content: String(x.value(`${at} system`, node.system)) });
  messages.push({ role: 'user', content: String(x.value(`${at} prompt`, node.prompt)) });
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
  setPath(ctx.variables, node.resultVariable, out.value);
}

/** The node's activities: its timeout and retries, summary = node name. */
function activitiesFor(node: HttpNodeIR | AiNodeIR) {
  return proxyActivities<NodeActivities>({
    startToCloseTimeout: node.timeoutMs ? 2 * node.timeoutMs + 10_000 : '5 minutes',
    ...(node.type === 'http' ? { heartbeatTimeout: TASK_HEARTBEAT_TIMEOUT } : {}),
    summary: node.name ?? node.id,
    retry: {
      maximumAttempts: node.retries ?? 3,
      initialInterval: '1 second',
      backoffCoefficient: 2,
      maximumInterval: '30 seconds',
    },
  });
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
