/**
 * Package entry point `waymark/task-worker`: serve Waymark (and unchanged Camunda 8) service
 * task types from your own Node.js process with Camunda-style job handlers.
 */
export {
  createTaskWorker,
  taskActivity,
  queuesOf,
  type TaskHandler,
  type TaskResult,
  type TaskWorker,
  type TaskWorkerOptions,
} from './create-task-worker';
export { BpmnError, type BpmnErrorResult } from './bpmn-error';
export type { TaskJob } from './job';
