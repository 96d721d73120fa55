export { destroyDataKeyBeforeAccountDeletion, findUserDataKey, getOrCreateUserDataKey, openText, sealText, type DataKey } from "./data-keys.service.js";
export {
  KeyringError,
  countDataKeysPerKey,
  keyFileName,
  keySourceFrom,
  loadKeyring,
  parseKeyText,
  previousKeysFileName,
  readPreviousKeyFile,
  writeKeyFile,
  type KeySource,
} from "./keyring.service.js";
export { rewrapDataKeys, type RewrapResult } from "./key-rotation.service.js";
