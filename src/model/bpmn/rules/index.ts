/**
 * The registry of validation rules, as an explicit list: the compiler runs every one of
 * them and reports all their problems at once. Add a rule by adding its file and a line here.
 */
import type { Rule } from '../types';
import { rule as activityQuantities } from './activity-quantities';
import { rule as boundaryEventFlows } from './boundary-event-flows';
import { rule as boundaryEventHost } from './boundary-event-host';
import { rule as callActivityBinding } from './call-activity-binding';
import { rule as businessRuleTask } from './business-rule-task';
import { rule as callActivityProcessId } from './call-activity-process-id';
import { rule as conditionalEventCondition } from './conditional-event-condition';
import { rule as cancelEventTransaction } from './cancel-event-transaction';
import { rule as compensationActivityRef } from './compensation-activity-ref';
import { rule as compensationHandler } from './compensation-handler';
import { rule as complexGatewayActivation } from './complex-gateway-activation';
import { rule as dataAssociationTarget } from './data-association-target';
import { rule as defaultFlowSource } from './default-flow-source';
import { rule as elementIdRequired } from './element-id-required';
import { rule as elementReachable } from './element-reachable';
import { rule as endEventOutgoing } from './end-event-outgoing';
import { rule as errorBoundaryCode } from './error-boundary-code';
import { rule as errorEndEventCode } from './error-end-event-code';
import { rule as escalationEventCode } from './escalation-event-code';
import { rule as eventBasedGatewayTargets } from './event-based-gateway-targets';
import { rule as eventSubprocess } from './event-subprocess';
import { rule as exclusiveGatewayConditions } from './exclusive-gateway-conditions';
import { rule as executableProcessRequired } from './executable-process-required';
import { rule as feelSyntax } from './feel-syntax';
import { rule as flowTargetExists } from './flow-target-exists';
import { rule as gatewayDirection } from './gateway-direction';
import { rule as gatewayOutgoingRequired } from './gateway-outgoing-required';
import { rule as integrationTask } from './integration-task';
import { rule as ioMappingTarget } from './io-mapping-target';
import { rule as loopCharacteristics } from './loop-characteristics';
import { rule as linkEventPairs } from './link-event-pairs';
import { rule as messageEventMessage } from './message-event-message';
import { rule as messageFlowPools } from './message-flow-pools';
import { rule as processNotExecutable } from './process-not-executable';
import { rule as processParameters } from './process-parameters';
import { rule as receiveTaskMessage } from './receive-task-message';
import { rule as referenceResolvable } from './reference-resolvable';
import { rule as scriptFormat } from './script-format';
import { rule as scriptTaskExpression } from './script-task-expression';
import { rule as sequenceFlowScope } from './sequence-flow-scope';
import { rule as signalEventSignal } from './signal-event-signal';
import { rule as serviceTaskType } from './service-task-type';
import { rule as startEventIncoming } from './start-event-incoming';
import { rule as startEventRequired } from './start-event-required';
import { rule as timerDefinition } from './timer-definition';
import { rule as timerIso8601 } from './timer-iso8601';
import { rule as timerCycleInterval } from './timer-cycle-interval';
import { rule as timerStartSchedule } from './timer-start-schedule';
import { rule as unsupportedElement } from './unsupported-element';
import { rule as userTaskSchedule } from './user-task-schedule';
import { rule as variableNameSafe } from './variable-name-safe';

export const RULES: readonly Rule[] = [
  executableProcessRequired,
  processNotExecutable,
  unsupportedElement,
  startEventRequired,
  elementIdRequired,
  flowTargetExists,
  sequenceFlowScope,
  startEventIncoming,
  endEventOutgoing,
  boundaryEventFlows,
  messageFlowPools,
  dataAssociationTarget,
  referenceResolvable,
  gatewayOutgoingRequired,
  gatewayDirection,
  defaultFlowSource,
  exclusiveGatewayConditions,
  eventBasedGatewayTargets,
  boundaryEventHost,
  timerDefinition,
  timerIso8601,
  timerCycleInterval,
  timerStartSchedule,
  feelSyntax,
  ioMappingTarget,
  variableNameSafe,
  serviceTaskType,
  businessRuleTask,
  integrationTask,
  scriptTaskExpression,
  scriptFormat,
  callActivityProcessId,
  callActivityBinding,
  loopCharacteristics,
  receiveTaskMessage,
  messageEventMessage,
  errorEndEventCode,
  errorBoundaryCode,
  eventSubprocess,
  escalationEventCode,
  signalEventSignal,
  conditionalEventCondition,
  processParameters,
  userTaskSchedule,
  linkEventPairs,
  complexGatewayActivation,
  compensationHandler,
  compensationActivityRef,
  cancelEventTransaction,
  activityQuantities,
  elementReachable,
];
