/**
 * The compiled, JSON-serializable IR of an integration workflow: what the interpreter
 * (`workflows/integration/`) runs. It travels in the workflow input, so replay never reads
 * the registry. Plain data only; it imports nothing so the workflow sandbox can use it.
 */
export type InputType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'any';

export interface IntegrationInputDecl {
  type: InputType;
  required: boolean;
  description?: string;
}

interface NodeBase {
  id: string;
  name?: string;
}

export interface HttpNodeIR extends NodeBase {
  type: 'http';
  method: string;
  url: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  timeoutMs?: number;
  retries?: number;
  result?: Record<string, string>;
  resultVariable?: string;
  next?: string;
}

export interface TransformNodeIR extends NodeBase {
  type: 'transform';
  set: Record<string, string>;
  next?: string;
}

export interface SwitchNodeIR extends NodeBase {
  type: 'switch';
  cases: { when: string; next: string }[];
  default?: string;
}

export interface AiNodeIR extends NodeBase {
  type: 'ai';
  model?: string;
  system?: string;
  prompt: string;
  schema?: Record<string, unknown>;
  temperature?: number;
  timeoutMs?: number;
  retries?: number;
  resultVariable: string;
  next?: string;
}

export type IntegrationNodeIR = HttpNodeIR | TransformNodeIR | SwitchNodeIR | AiNodeIR;

export interface IntegrationIR {
  kind: 'integration';
  key: string;
  name?: string;
  description?: string;
  inputs: Record<string, IntegrationInputDecl>;
  start: string;
  nodes: Record<string, IntegrationNodeIR>;
  output: Record<string, string>;
}
