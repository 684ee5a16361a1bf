/** State machines as JSON definitions: schema, compiler, IR. */
export { compileStateMachine, type CompileStateMachineResult } from './compile';
export { stateMachineSchema, type StateMachineDefinition } from './schema';
export type * from './ir';
export { triggerTypes } from './ir';
export type { SmProblem } from './rules';
