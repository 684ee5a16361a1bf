/**
 * Request schemas of the user-task actions beyond listing and completing (Camunda 8 REST v2
 * shapes): assignment, changes of dates and priority.
 */
import { z } from 'zod';

export const assignmentSchema = z
  .object({
    assignee: z.string().min(1),
    allowOverride: z
      .boolean()
      .optional()
      .describe('Assign although someone else holds the task (else 409)'),
  })
  .strict();

const isoDateTime = z.iso.datetime({ offset: true });

export const userTaskChangesSchema = z
  .object({
    dueDate: isoDateTime.nullable().optional(),
    followUpDate: isoDateTime.nullable().optional(),
    priority: z.number().int().min(0).max(100).optional(),
  })
  .strict();
