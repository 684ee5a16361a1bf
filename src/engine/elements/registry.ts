/**
 * The explicit map from IR element `type` to its behaviour. Every `ElementType` must have an
 * entry (the compiler checks it through `BehaviourRegistry`); the engine raises an error
 * naming the element id for a type missing here.
 */
import { adHocSubProcess } from './ad-hoc-sub-process';
import type { BehaviourRegistry } from './behaviour';
import { boundaryEvent } from './boundary-event';
import { businessRuleTask } from './business-rule-task';
import { callActivity } from './call-activity';
import { complexGateway } from './complex-gateway';
import { endEvent } from './end-event';
import { eventBasedGateway } from './event-based-gateway';
import { eventSubProcess } from './event-sub-process';
import { exclusiveGateway } from './exclusive-gateway';
import { inclusiveGateway } from './inclusive-gateway';
import { intermediateCatchEvent } from './intermediate-catch-event';
import { parallelGateway } from './parallel-gateway';
import { passThrough } from './pass-through';
import { receiveTask } from './receive-task';
import { scriptTask } from './script-task';
import { serviceTask } from './service-task';
import { startEvent } from './start-event';
import { subProcess } from './sub-process';
import { throwEvent } from './throw-event';
import { userTask } from './user-task';

export const behaviours: BehaviourRegistry = {
  startEvent,
  endEvent,
  task: passThrough,
  manualTask: passThrough,
  intermediateThrowEvent: throwEvent,
  serviceTask,
  sendTask: serviceTask,
  scriptTask,
  businessRuleTask,
  userTask,
  receiveTask,
  intermediateCatchEvent,
  boundaryEvent,
  exclusiveGateway,
  parallelGateway,
  inclusiveGateway,
  eventBasedGateway,
  complexGateway,
  subProcess,
  eventSubProcess,
  adHocSubProcess,
  callActivity,
};
