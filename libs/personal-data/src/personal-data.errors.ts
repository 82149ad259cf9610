/** A personal ciphertext did not authenticate: it was altered, or moved to another subject. */
export class PersonalDataTamperedError extends Error {
  constructor(readonly subjectId: string) {
    super(`personal data of subject "${subjectId}" failed authentication: the ciphertext was altered`);
    this.name = 'PersonalDataTamperedError';
  }
}

/** A stored data key did not unwrap: the configured master key is not the one that wrapped it. */
export class PersonalDataKeyUnwrapError extends Error {
  constructor(
    readonly subjectId: string,
    readonly wrappedBy: string,
    readonly configured: string[],
  ) {
    super(
      `the data key of subject "${subjectId}" is wrapped by master key ${wrappedBy} and does not unwrap ` +
        `with the configured master key(s) ${configured.join(', ')}: check PERSONAL_DATA_MASTER_KEY`,
    );
    this.name = 'PersonalDataKeyUnwrapError';
  }
}

/** Erasure is final: nothing new is encrypted for an erased subject. */
export class PersonalDataErasedError extends Error {
  constructor(readonly subjectId: string) {
    super(`the personal data of subject "${subjectId}" has been erased; nothing new is encrypted for it`);
    this.name = 'PersonalDataErasedError';
  }
}

/** A master key that is not base64 of exactly 32 bytes. */
export class MasterKeyInvalidError extends Error {
  constructor(source: string, detail: string) {
    super(`${source} must be a base64-encoded 32-byte key (${detail})`);
    this.name = 'MasterKeyInvalidError';
  }
}

/** No key and no erasure record: the key table is not the one these events were written with. */
export class PersonalDataKeyMissingError extends Error {
  constructor(readonly subjectId: string) {
    super(
      `no personal data key for subject "${subjectId}" and no record of its erasure: ` +
        'is this the key table these events were written with?',
    );
    this.name = 'PersonalDataKeyMissingError';
  }
}
