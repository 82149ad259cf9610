import { rule, type DomainError } from '../shared/decider';
import { checkCountry, checkText, checkTracks, firstFailure } from '../shared/validation';
import type {
  ErasePersonalData,
  OrganizationCommand,
  RegisterOrganization,
  ReinstateOrganization,
  SuspendOrganization,
  VetOrganization,
} from './organization.commands';
import type { OrganizationEvent } from './organization.events';
import type { Organization, OrganizationState } from './organization.state';

type Outcome = OrganizationEvent[] | DomainError;

/** IATI organisation identifier: `{registration agency}-{number}`, e.g. `GB-CHC-202918`. */
const iatiOrganizationId = /^[A-Z]{2}-[A-Z0-9]+-[A-Za-z0-9._-]+$/;

export const decideOrganization = (command: OrganizationCommand, state: OrganizationState): Outcome => {
  if (command.type === 'RegisterOrganization') return register(command, state);
  if (state.status === 'none') return rule('organization.not-found', 'no such organisation');
  switch (command.type) {
    case 'VetOrganization':
      return vet(command, state);
    case 'SuspendOrganization':
      return suspend(command, state);
    case 'ReinstateOrganization':
      return reinstate(command, state);
    case 'ErasePersonalData':
      return erase(command, state);
  }
};

const register = ({ data }: RegisterOrganization, state: OrganizationState): Outcome => {
  const { organizationId, name, country, tracks, contactEmail } = data;
  const failure = firstFailure(
    () =>
      state.status === 'none'
        ? undefined
        : rule('organization.already-registered', `${organizationId} exists`),
    () =>
      iatiOrganizationId.test(organizationId)
        ? undefined
        : rule('organization.invalid-id', `${organizationId} is not an IATI organisation identifier`),
    () => checkText({ name, contactEmail }),
    () => checkCountry(country),
    () => checkTracks(tracks),
  );
  if (failure) return failure;
  return [{ type: 'OrganizationRegistered', data: { organizationId, name, country, tracks, contactEmail } }];
};

/** A rejected application may be reconsidered; a vetted or suspended one is past vetting. */
const vet = ({ data, metadata }: VetOrganization, org: Organization): Outcome => {
  if (org.status !== 'pending' && org.status !== 'rejected') {
    return rule('organization.not-awaiting-vetting', `organisation is ${org.status}`);
  }
  const decided = { organizationId: org.organizationId, note: data.note, vettedBy: metadata.actor.sub };
  return data.decision === 'approved'
    ? [{ type: 'OrganizationVetted', data: decided }]
    : [{ type: 'OrganizationVettingRejected', data: decided }];
};

const suspend = ({ data }: SuspendOrganization, org: Organization): Outcome =>
  org.status === 'vetted'
    ? [{ type: 'OrganizationSuspended', data: { organizationId: org.organizationId, reason: data.reason } }]
    : rule('organization.not-vetted', `only a vetted organisation can be suspended; it is ${org.status}`);

const reinstate = ({ data }: ReinstateOrganization, org: Organization): Outcome =>
  org.status === 'suspended'
    ? [{ type: 'OrganizationReinstated', data: { organizationId: org.organizationId, reason: data.reason } }]
    : rule('organization.not-suspended', `organisation is ${org.status}`);

const erase = ({ data }: ErasePersonalData, org: Organization): Outcome =>
  org.personalDataErased
    ? rule('organization.already-erased', 'personal data was already erased')
    : [
        {
          type: 'PersonalDataErased',
          data: { organizationId: org.organizationId, reason: data.reason, fields: ['contactEmail'] },
        },
      ];
