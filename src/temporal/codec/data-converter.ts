/**
 * The data converter every Temporal client and worker Waymark creates uses: the default one
 * when no codec keys are configured, else the encryption codec plus failure attributes encoded
 * (so failure messages are encrypted as well). Codecs run outside the workflow sandbox; only
 * the failure converter is bundled into the workflow code (`workflowBundleOptions`).
 */
import type { DataConverter } from '@temporalio/common';
import { EncryptionCodec } from './encryption-codec';
import type { CodecKey } from './keys';

/** The failure converter module, for `failureConverterPath` (clients, workers, bundles). */
export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

/** The data converter for a key list; `undefined` (Temporal's default) when there are none. */
export function codecDataConverter(config: { codecKeys: CodecKey[] }): DataConverter | undefined {
  if (config.codecKeys.length === 0) return undefined;
  return {
    payloadCodecs: [new EncryptionCodec(config.codecKeys)],
    failureConverterPath: FAILURE_CONVERTER_PATH,
  };
}
