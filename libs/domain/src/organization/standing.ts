import { rule, type DomainError } from '../shared/decider';
import type { OrganizationStatus } from './organization.state';

/**
 * Whether an organisation may offer or be paid: vetted and not suspended. Used by the offer and
 * match deciders on the organisation fact their handler passes in.
 */
export const checkInGoodStanding = (status: OrganizationStatus | 'none'): DomainError | undefined => {
  if (status === 'vetted') return undefined;
  if (status === 'suspended') return rule('organization.suspended', 'the organisation is suspended');
  return rule(
    'organization.not-vetted',
    `the organisation is ${status === 'none' ? 'not registered' : status}`,
  );
};
