/**
 * Encryption at rest (issue 16): an AES-256-GCM payload codec, the data converter that
 * carries it, and the key list parser.
 */
export { codecDataConverter, FAILURE_CONVERTER_PATH } from './data-converter';
export { EncryptionCodec, ENCRYPTED_ENCODING, KEY_ID_KEY } from './encryption-codec';
export { parseCodecKeys, type CodecKey } from './keys';
export { payloadsFromJson, payloadsToJson, type JsonPayload } from './json-payloads';
