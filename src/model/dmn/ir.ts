/**
 * The compiled, JSON-serializable IR of DMN decisions (DMN 1.3 §6 "Requirements", §8
 * "Decision Table", §10.2 literal expressions / boxed invocations). One IR per deployed
 * decision (the definition key = the decision id): the decision itself plus every decision
 * and business knowledge model it requires, transitively, so a version evaluates on its own.
 * Expressions are FEEL source text; the evaluator (`src/engine/dmn`) interprets them.
 */

/** FEEL source text. */
export type FeelText = string;

export type HitPolicy =
  'UNIQUE' | 'FIRST' | 'PRIORITY' | 'ANY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER';

export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

export interface DecisionInputIR {
  id: string;
  label?: string;
  /** FEEL expression giving the input value. */
  expression: FeelText;
  /** `inputValues` as unary tests (the allowed values), when given. */
  allowedValues?: FeelText;
}

export interface DecisionOutputIR {
  id: string;
  /** Required when the table has more than one output (the context entry name). */
  name?: string;
  label?: string;
  /**
   * `outputValues` as FEEL values in priority order (first = highest), when given: they
   * define PRIORITY and OUTPUT ORDER and the allowed output values.
   */
  values?: FeelText[];
  /** `defaultOutputEntry`: the output when no rule matches. */
  defaultValue?: FeelText;
}

export interface DecisionRuleIR {
  id: string;
  description?: string;
  /** Unary tests, one per input (`-` matches anything). */
  inputEntries: FeelText[];
  /** FEEL expressions, one per output. */
  outputEntries: FeelText[];
}

export interface DecisionTableIR {
  type: 'decisionTable';
  id: string;
  hitPolicy: HitPolicy;
  aggregation?: Aggregation;
  inputs: DecisionInputIR[];
  outputs: DecisionOutputIR[];
  rules: DecisionRuleIR[];
}

export interface LiteralExpressionIR {
  type: 'literalExpression';
  id?: string;
  text: FeelText;
}

/** A boxed invocation of a business knowledge model (DMN 1.3 §10.3.2.9). */
export interface InvocationIR {
  type: 'invocation';
  id?: string;
  /** The BKM's name (FEEL function name). */
  function: string;
  bindings: Array<{ parameter: string; expression: FeelText | null }>;
}

/** A boxed context (DMN 1.3 §10.3.2.3): entries in order, the one without a name is the result. */
export interface ContextIR {
  type: 'context';
  id?: string;
  entries: Array<{ name?: string; value: ExpressionIR }>;
}

/** A boxed list (DMN 1.3 §10.3.2.5): its items' values. */
export interface ListIR {
  type: 'list';
  id?: string;
  items: ExpressionIR[];
}

/** A relation (DMN 1.3 §10.3.2.6): a list of contexts, one per row, keyed by column name. */
export interface RelationIR {
  type: 'relation';
  id?: string;
  columns: string[];
  rows: ExpressionIR[][];
}

export type ExpressionIR =
  DecisionTableIR | LiteralExpressionIR | InvocationIR | ContextIR | ListIR | RelationIR;

export interface DecisionIR {
  id: string;
  name: string;
  /** The name its result is known by in requiring decisions (its variable, else its name). */
  variable: string;
  logic: ExpressionIR;
  /** Ids of the decisions it requires (information requirements), in document order. */
  requiredDecisions: string[];
  /** Ids of the business knowledge models it uses (knowledge requirements). */
  requiredKnowledge: string[];
}

export interface BusinessKnowledgeModelIR {
  id: string;
  name: string;
  parameters: string[];
  body: ExpressionIR;
  requiredKnowledge: string[];
}

/** A decision service (DMN 1.3 §6.3.11): its output decisions, evaluated over the given inputs. */
export interface DecisionServiceIR {
  id: string;
  name: string;
  outputDecisions: string[];
}

export interface DmnIR {
  kind: 'dmn';
  /** The decision (or decision service) this definition evaluates: the definition key. */
  decisionId: string;
  name?: string;
  /** `zeebe:versionTag` of the decision, when given. */
  versionTag?: string;
  /** The `definitions` element's id and name (the decision requirements graph). */
  drg: { id?: string; name?: string };
  decisions: Record<string, DecisionIR>;
  knowledgeModels: Record<string, BusinessKnowledgeModelIR>;
  /** Set when the key names a decision service instead of a decision. */
  service?: DecisionServiceIR;
}
