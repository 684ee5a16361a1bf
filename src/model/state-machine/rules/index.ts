/** Every state-machine validation rule, in the order their problems are reported. */
import { rule as feelSyntax } from './feel-syntax';
import { rule as finalState } from './final-state';
import { rule as initialState } from './initial-state';
import { rule as timeoutTransition } from './timeout-transition';
import { rule as transitionStates } from './transition-states';
import { rule as triggerSettings } from './trigger-settings';
import { rule as uniqueCodes } from './unique-codes';
import type { SmRule } from './types';

export const rules: SmRule[] = [
  initialState,
  uniqueCodes,
  transitionStates,
  finalState,
  timeoutTransition,
  triggerSettings,
  feelSyntax,
];

export type { SmProblem, SmRule } from './types';
