/**
 * The wire form of an encrypted personal field: `pd:v1:<subjectId>:<base64(iv ‖ tag ‖ ct)>`.
 * It names its subject, so a reader knows which key to ask for without any other context, and
 * the subject is bound as AAD, so the field cannot be moved to another subject unnoticed.
 */
const PREFIX = 'pd:v1:';
const SHAPE = /^pd:v1:(.+):([A-Za-z0-9+/]+={0,2})$/;

export interface PersonalCiphertext {
  subjectId: string;
  sealed: Buffer;
}

export const isPersonalCiphertext = (value: unknown): value is string =>
  typeof value === 'string' && SHAPE.test(value);

export const formatPersonalCiphertext = ({ subjectId, sealed }: PersonalCiphertext): string =>
  `${PREFIX}${subjectId}:${sealed.toString('base64')}`;

/** Undefined when `value` is not a personal ciphertext. */
export const parsePersonalCiphertext = (value: string): PersonalCiphertext | undefined => {
  const match = SHAPE.exec(value);
  return match ? { subjectId: match[1], sealed: Buffer.from(match[2], 'base64') } : undefined;
};

/** What the field's authentication covers besides its bytes: the format version and its subject. */
export const fieldAad = (subjectId: string): string => `${PREFIX}${subjectId}`;

/** A subject id must survive the round trip through the format (the payload never holds a colon). */
export const assertSubjectId = (subjectId: string): void => {
  if (subjectId.length === 0 || subjectId.length > 200 || /[\u0000-\u001f]/.test(subjectId)) {
    throw new TypeError(`personal data subject id must be 1–200 characters without control characters`);
  }
};
