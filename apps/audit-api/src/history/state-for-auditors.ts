import { toWireState } from '@multitrack/domain';
import { isPersonalCiphertext } from '@multitrack/personal-data';

/** Shown instead of a personal field's ciphertext: the field is present, and never decrypted here. */
export const PERSONAL_DATA_PRESENT = '[personal data]';

const mask = (value: unknown): unknown => {
  if (isPersonalCiphertext(value)) return PERSONAL_DATA_PRESENT;
  if (Array.isArray(value)) return value.map(mask);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, mask(inner)]));
  return value;
};

/**
 * An aggregate state as JSON for an auditor: money in wire form (no bigint reaches JSON), personal
 * fields marked present (erased ones are already null, with `personalDataErased: true`).
 */
export const stateForAuditors = (state: unknown): unknown => mask(toWireState(state));
