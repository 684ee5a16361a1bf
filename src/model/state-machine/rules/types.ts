/**
 * What a state-machine validation rule is: a pure check over the schema-valid definition that
 * reports problems as data (`path` into the JSON, message), never throws.
 */
import type { StateMachineDefinition } from '../schema';

export interface SmProblem {
  rule: string;
  /** JSON path into the definition, e.g. `transitions[2].toState`. */
  path: string;
  message: string;
}

export interface SmRule {
  id: string;
  description: string;
  check(def: StateMachineDefinition): SmProblem[];
}
