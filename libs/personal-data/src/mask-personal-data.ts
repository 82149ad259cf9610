import { isPersonalCiphertext } from './personal-ciphertext';

/**
 * `value` with every personal field's ciphertext, however deep, replaced by `shown`: what leaves
 * the service for anyone but the vault (auditors' states, feeds, webhooks) never carries a personal
 * field, not even encrypted, so an erasure has nothing to chase outside the log.
 */
export const maskPersonalData = (value: unknown, shown: unknown): unknown => {
  if (isPersonalCiphertext(value)) return shown;
  if (Array.isArray(value)) return value.map((inner) => maskPersonalData(inner, shown));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, maskPersonalData(inner, shown)]),
    );
  return value;
};
