/**
 * Public API of the state-machine core: a deterministic interpreter of `StateMachineIR`
 * that updates the state it is given and returns commands (no Temporal, no I/O, no clock), driven by `workflows/state-machine/`.
 */
export { startMachine, stepMachine, manualRefusal, MACHINE_TRAIL_LIMIT } from './machine';
export {
  machineActiveElements,
  machineDetails,
  machineIncidents,
  machineTrail,
  type MachineTrailView,
} from './view';
export type * from './types';
