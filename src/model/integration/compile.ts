/**
 * Compiles an integration workflow's JSON source into its IR. Validation reports every
 * problem at once, each with a `path` naming the node id (or the field) it is about: the zod
 * shape first, then what a schema cannot say (unique node ids, `next`/`cases`/`default`/`start`
 * references, FEEL syntax of mappings and conditions, the key). Problems are data, never thrown.
 */
import { feelSyntaxError } from '../bpmn/feel-source';
import type { IntegrationIR, IntegrationNodeIR } from './ir';
import { integrationDefinitionSchema, type IntegrationDefinition } from './schema';

export interface IntegrationProblem {
  /** Node id (`nodes.<id>.<field>`) or field path (`inputs.x`, `output.y`). */
  path: string;
  message: string;
}

export type IntegrationCompileResult =
  { ok: true; ir: IntegrationIR } | { ok: false; problems: IntegrationProblem[] };

/** Validates and compiles `source` (parsed JSON). */
export function compileIntegration(source: unknown): IntegrationCompileResult {
  const parsed = integrationDefinitionSchema.safeParse(source);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({
        path: issuePath(source, i.path),
        message: i.message,
      })),
    };
  }
  const def = parsed.data;
  const problems = semanticProblems(def);
  if (problems.length > 0) return { ok: false, problems };
  const nodes: Record<string, IntegrationNodeIR> = {};
  for (const node of def.nodes) nodes[node.id] = node as IntegrationNodeIR;
  return {
    ok: true,
    ir: {
      kind: 'integration',
      key: def.key,
      ...(def.name !== undefined ? { name: def.name } : {}),
      ...(def.description !== undefined ? { description: def.description } : {}),
      inputs: def.inputs,
      start: def.start ?? def.nodes[0]!.id,
      nodes,
      output: def.output,
    },
  };
}

/** `nodes.3.url` → `nodes.fetch.url` when node 3 has an id: problems name the node. */
function issuePath(source: unknown, path: PropertyKey[]): string {
  const parts = path.map(String);
  if (parts[0] === 'nodes' && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
    const nodes = (source as { nodes?: unknown } | null)?.nodes;
    const node = Array.isArray(nodes) ? (nodes[Number(parts[1])] as { id?: unknown }) : undefined;
    if (node && typeof node.id === 'string' && node.id) parts[1] = node.id;
  }
  return parts.length ? parts.join('.') : '(root)';
}

function semanticProblems(def: IntegrationDefinition): IntegrationProblem[] {
  const problems: IntegrationProblem[] = [];
  const ids = new Set<string>();
  for (const node of def.nodes) {
    if (ids.has(node.id))
      problems.push({ path: `nodes.${node.id}`, message: `duplicate node id '${node.id}'` });
    ids.add(node.id);
  }
  const ref = (path: string, target: string | undefined): void => {
    if (target !== undefined && !ids.has(target))
      problems.push({ path, message: `no node with id '${target}'` });
  };
  const feel = (path: string, expression: string): void => {
    const source = expression.trim().startsWith('=') ? expression.trim().slice(1) : expression;
    const error = feelSyntaxError(source);
    if (error) problems.push({ path, message: `FEEL expression ${error}` });
  };
  const feelString = (path: string, value: string): void => {
    if (value.trim().startsWith('=')) feel(path, value);
  };
  const mapping = (path: string, m: Record<string, string> | undefined): void => {
    for (const [target, expression] of Object.entries(m ?? {}))
      feel(`${path}.${target}`, expression);
  };

  ref('start', def.start);
  for (const node of def.nodes) {
    const at = `nodes.${node.id}`;
    switch (node.type) {
      case 'http':
        ref(`${at}.next`, node.next);
        feelString(`${at}.url`, node.url);
        for (const [h, v] of Object.entries(node.headers ?? {}))
          feelString(`${at}.headers.${h}`, v);
        mapping(`${at}.result`, node.result);
        break;
      case 'transform':
        ref(`${at}.next`, node.next);
        mapping(`${at}.set`, node.set);
        break;
      case 'switch':
        node.cases.forEach((c, i) => {
          ref(`${at}.cases.${i}.next`, c.next);
          feel(`${at}.cases.${i}.when`, c.when);
        });
        ref(`${at}.default`, node.default);
        break;
      case 'ai':
        ref(`${at}.next`, node.next);
        break;
    }
  }
  mapping('output', def.output);
  return problems;
}
