import type { Command } from '../shared/decider';

export type RegisterOrganization = Command<
  'RegisterOrganization',
  {
    /** IATI organisation identifier, e.g. `US-EIN-123456789`. */
    organizationId: string;
    name: string;
    /** ISO 3166-1 alpha-2. */
    country: string;
    /** Tracks of multi-track diplomacy, 1–9. */
    tracks: number[];
    /** Already encrypted with the organisation's data-subject key: opaque to the domain. */
    contactEmail: string;
  }
>;

export type VetOrganization = Command<'VetOrganization', { decision: 'approved' | 'rejected'; note: string }>;

export type SuspendOrganization = Command<'SuspendOrganization', { reason: string }>;

export type ReinstateOrganization = Command<'ReinstateOrganization', { reason: string }>;

/** The key that encrypts the personal fields is destroyed by the caller; this records that it was. */
export type ErasePersonalData = Command<'ErasePersonalData', { reason: string }>;

export type OrganizationCommand =
  RegisterOrganization | VetOrganization | SuspendOrganization | ReinstateOrganization | ErasePersonalData;
