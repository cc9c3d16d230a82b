// Encryption at rest of the text columns: keys, the value format, start-up checks, rotation.
export { Keyring, KeyringFormatError, generateKeyEntry, defaultKeyId, KEY_BYTES, KEY_ID_PATTERN } from './Keyring.js';
export { FieldCipher, DecryptionError, keyIdOf, envelopePrefix, ENVELOPE_V1, type DecryptionFailure } from './FieldCipher.js';
export { ENCRYPTED_COLUMNS, columnName, type EncryptedColumn, type EncryptedTable, type ColumnRef } from './encryptedColumns.js';
export { EncryptionKeyError, type EncryptionKeyProblem } from './EncryptionKeyError.js';
export { checkEncryptionKeys, assertKeysUsable, countValuesUnderKey, KEY_CHECK_COLUMN, type KeyCheckReport, type CheckKeysOptions } from './keyCheck.js';
export { rotateKeys, keyStatus, type RotateOptions, type RotationReport, type KeyStatusReport, type ColumnKeyStatus } from './rotateKeys.js';
export { resolveKeyring, defaultDevKeyFile, type KeySettings, type ResolvedKeyring, type KeyLogger } from './resolveKeyring.js';
