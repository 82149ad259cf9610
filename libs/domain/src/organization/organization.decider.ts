import type { Decider } from '../shared/decider';
import type { OrganizationCommand } from './organization.commands';
import { decideOrganization } from './organization.decide';
import type { OrganizationEvent } from './organization.events';
import { evolveOrganization, initialOrganizationState, type OrganizationState } from './organization.state';

export const organizationDecider: Decider<OrganizationCommand, OrganizationEvent, OrganizationState> = {
  decide: decideOrganization,
  evolve: evolveOrganization,
  initialState: initialOrganizationState,
};
