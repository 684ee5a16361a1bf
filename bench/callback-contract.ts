/** The hand-written callback arm's update, shared by its workflow and its endpoint (bench/callback.ts). */
import { defineUpdate } from '@temporalio/workflow';

export const handCallbackDone = defineUpdate<void, [Record<string, unknown>]>('handCallbackDone');
