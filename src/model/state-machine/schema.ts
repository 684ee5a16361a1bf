/**
 * The zod schema of a state-machine definition as users write it (JSON, kind
 * `state-machine`). It checks shapes only; the cross-reference rules (initial state, unique
 * codes, timeouts, FEEL syntax) live in `rules/`, one per file, and report every problem at
 * once. `GET /schemas/state-machine` serves this schema as JSON Schema.
 */
import { z } from 'zod';
import { triggerTypes } from './ir';

/** Codes become part of workflow ids, timer ids and search attributes: no `/`, `:` or spaces. */
const code = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, "_", "." and "-" only');

const feel = z.string().min(1).describe('FEEL expression (a leading "=" is allowed)');

export const stateSchema = z
  .object({
    code: code.describe('Unique within the workflow, e.g. NEW, PENDING, CONFIRMED'),
    description: z.string().optional(),
    isInitial: z.boolean().default(false).describe('Exactly one state is initial'),
    isFinal: z.boolean().default(false).describe('Reaching it completes the instance'),
    timeoutHours: z
      .number()
      .positive()
      .optional()
      .describe('Fractional hours allowed; needs onTimeoutTransition'),
    onTimeoutTransition: code
      .optional()
      .describe('Transition fired when the timeout expires (must start from this state)'),
  })
  .strict();

export const transitionSchema = z
  .object({
    code: code.describe('Unique within the workflow'),
    description: z.string().optional(),
    fromState: code,
    toState: code,
    triggerType: z.enum(triggerTypes),
    enabled: z.boolean().default(true).describe('Disabled transitions are never evaluated'),
    conditions: z
      .union([feel, z.array(feel)])
      .optional()
      .describe(
        'FEEL over the instance data (top level and `data`) and the trigger (`trigger.type`, `trigger.event`, `trigger.data`, `trigger.pollCount`); all must be true',
      ),
    pollIntervalSeconds: z
      .number()
      .positive()
      .optional()
      .describe('ON_SCHEDULED_POLL: seconds between evaluations'),
    eventName: z.string().min(1).optional().describe('ON_EVENT: the event name'),
    action: z
      .object({
        workflow: z.string().min(1).describe('Key of a deployed definition run as a child'),
      })
      .strict()
      .optional()
      .describe('Runs as a child workflow; the transition completes only if it succeeds'),
  })
  .strict();

export const stateMachineSchema = z
  .object({
    kind: z.literal('state-machine'),
    code: code.describe('Definition key and Temporal workflow type'),
    description: z.string().optional(),
    initialState: code,
    enabled: z.boolean().default(true),
    instanceMode: z
      .enum(['PER_RECORD', 'PER_RUN'])
      .default('PER_RECORD')
      .describe('One instance per source record (recordId) or per integration run (runId)'),
    states: z.array(stateSchema).min(1),
    transitions: z.array(transitionSchema).default([]),
  })
  .strict()
  .describe('A Waymark state-machine definition');

export type StateMachineDefinition = z.output<typeof stateMachineSchema>;
