import type { Event } from '../shared/decider';
import { listOf } from '../shared/type-list';

export type OrganizationRegistered = Event<
  'OrganizationRegistered',
  {
    organizationId: string;
    name: string;
    country: string;
    tracks: number[];
    /** Ciphertext under the organisation's data-subject key (see PersonalDataErased). */
    contactEmail: string;
  }
>;

export type OrganizationVetted = Event<
  'OrganizationVetted',
  { organizationId: string; note: string; vettedBy: string }
>;

export type OrganizationVettingRejected = Event<
  'OrganizationVettingRejected',
  { organizationId: string; note: string; vettedBy: string }
>;

export type OrganizationSuspended = Event<
  'OrganizationSuspended',
  { organizationId: string; reason: string }
>;

export type OrganizationReinstated = Event<
  'OrganizationReinstated',
  { organizationId: string; reason: string }
>;

/** `fields` names the event fields whose ciphertext can no longer be decrypted. */
export type PersonalDataErased = Event<
  'PersonalDataErased',
  { organizationId: string; reason: string; fields: string[] }
>;

export type OrganizationEvent =
  | OrganizationRegistered
  | OrganizationVetted
  | OrganizationVettingRejected
  | OrganizationSuspended
  | OrganizationReinstated
  | PersonalDataErased;

export const organizationEventTypes = listOf<OrganizationEvent['type']>({
  OrganizationRegistered: true,
  OrganizationVetted: true,
  OrganizationVettingRejected: true,
  OrganizationSuspended: true,
  OrganizationReinstated: true,
  PersonalDataErased: true,
});
