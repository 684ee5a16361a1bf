/**
 * The failure converter used with the codec: failure messages and stack traces move into
 * `encodedAttributes`, a payload, so the codec encrypts them too. Loaded by path
 * (`failureConverterPath`) by clients, workers and the workflow bundle (it is sandbox-safe:
 * no Node built-ins, no clock).
 */
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
