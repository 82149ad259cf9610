import { DomainError, isDomainError } from '@multitrack/domain';

/**
 * A business rule the command broke (422). The domain returns `DomainError` values; handlers
 * either return them (the platform's interceptor throws this for them) or call
 * {@link throwIfDomainError} to keep going with the events.
 */
export class DomainRuleViolation extends Error {
  override readonly name = 'DomainRuleViolation';
  constructor(readonly error: DomainError) {
    super(error.message);
  }
}

export const throwIfDomainError = <T>(result: T | DomainError): T => {
  if (isDomainError(result)) throw new DomainRuleViolation(result);
  return result;
};
