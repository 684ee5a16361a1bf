/**
 * The loop part of the BPMN IR (`ir.ts` re-exports it): multi-instance and standard loop
 * characteristics of an activity. Plain JSON like the rest of the IR.
 */

/** FEEL source text without the leading `=` (`FeelExpression` in ir.ts). */
type Feel = string;

/**
 * Multi-instance characteristics (BPMN 2.0 §10.3.8, §13.2.3; Camunda 8
 * `zeebe:loopCharacteristics`): one inner instance per item of `inputCollection`, or
 * `loopCardinality` instances, in parallel or one after another.
 */
export interface MultiInstanceIR {
  kind: 'multiInstance';
  sequential: boolean;
  /** FEEL: the list to iterate; exactly one of `inputCollection` and `loopCardinality` is set. */
  inputCollection?: Feel;
  /** Local variable of each inner instance holding its item. */
  inputElement?: string;
  /** FEEL: the number of instances (`bpmn:loopCardinality`). */
  loopCardinality?: Feel;
  /** Variable the outputs are collected in (written to the enclosing scope on completion). */
  outputCollection?: string;
  /** FEEL, evaluated in each inner instance when it completes: its entry in the collection. */
  outputElement?: Feel;
  /** FEEL, evaluated after each inner instance completes: true ends the body early. */
  completionCondition?: Feel;
  /** The events the body throws as inner instances complete (absent: behavior All). */
  behavior?: LoopBehaviorIR;
}

/** An event a multi-instance body throws: a signal, an escalation or an error. */
export type BehaviorThrowIR =
  | { kind: 'signal'; signal: string }
  | { kind: 'escalation'; escalationCode: string }
  | { kind: 'error'; errorCode: string };

/**
 * BPMN `behavior` (§10.3.8 Table 10.30): `None` throws its event for every inner instance that
 * completes, `One` for the first only, `Complex` each event whose `condition` (FEEL, in the
 * completed instance's context with the counters) holds after a completion.
 */
export interface LoopBehaviorIR {
  mode: 'None' | 'One' | 'Complex';
  events: Array<{ condition?: Feel; event: BehaviorThrowIR }>;
}

/** Standard loop characteristics (BPMN 2.0 §10.3.8, §13.2.2): repeat while `loopCondition`. */
export interface StandardLoopIR {
  kind: 'standardLoop';
  /** FEEL; absent = loop until `loopMaximum`. */
  loopCondition?: Feel;
  /** true: the condition is checked before each iteration (while); false: after (do-while). */
  testBefore: boolean;
  /** At most this many iterations; absent = unbounded. */
  loopMaximum?: number;
}

export type LoopIR = MultiInstanceIR | StandardLoopIR;
