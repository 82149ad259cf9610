import { toWireState } from '@multitrack/domain';
import { maskPersonalData } from '@multitrack/personal-data';

/** Shown instead of a personal field's ciphertext: the field is present, and never decrypted here. */
export const PERSONAL_DATA_PRESENT = '[personal data]';

/**
 * An aggregate state as JSON for an auditor: money in wire form (no bigint reaches JSON), personal
 * fields marked present (erased ones are already null, with `personalDataErased: true`).
 */
export const stateForAuditors = (state: unknown): unknown =>
  maskPersonalData(toWireState(state), PERSONAL_DATA_PRESENT);
