export { destroyDataKeyBeforeAccountDeletion, findUserDataKey, getOrCreateUserDataKey, openText, sealText, type DataKey } from "./data-keys.service.js";
export { loadOrCreateKeyEncryptionKey } from "./key-encryption-key.js";
