export { createPersonalDataVault, PersonalDataVault, PersonalDataVaultOptions } from './personal-data-vault';
export { isPersonalCiphertext } from './personal-ciphertext';
export { maskPersonalData } from './mask-personal-data';
export { loadOrCreateMasterKey, parseMasterKey, masterKeyId, MASTER_KEY_FILE } from './master-key';
export { rewrapAll } from './rewrap-all';
export { personalDataMigrations } from './personal-data.migrations';
export {
  MasterKeyInvalidError,
  PersonalDataErasedError,
  PersonalDataKeyMissingError,
  PersonalDataKeyUnwrapError,
  PersonalDataTamperedError,
} from './personal-data.errors';
