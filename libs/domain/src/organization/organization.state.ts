import type { OrganizationEvent } from './organization.events';

export type OrganizationStatus = 'pending' | 'vetted' | 'rejected' | 'suspended';

export type Organization = {
  status: OrganizationStatus;
  organizationId: string;
  name: string;
  country: string;
  tracks: number[];
  /** Ciphertext; null once the personal data is erased. */
  contactEmail: string | null;
  personalDataErased: boolean;
};

/** Before its first event the stream does not exist: `status: 'none'`. */
export type OrganizationState = { status: 'none' } | Organization;

export const initialOrganizationState: OrganizationState = { status: 'none' };

export const evolveOrganization = (state: OrganizationState, event: OrganizationEvent): OrganizationState => {
  if (event.type === 'OrganizationRegistered') {
    const { organizationId, name, country, tracks, contactEmail } = event.data;
    return {
      status: 'pending',
      organizationId,
      name,
      country,
      tracks,
      contactEmail,
      personalDataErased: false,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'OrganizationVetted':
    case 'OrganizationReinstated':
      return { ...state, status: 'vetted' };
    case 'OrganizationVettingRejected':
      return { ...state, status: 'rejected' };
    case 'OrganizationSuspended':
      return { ...state, status: 'suspended' };
    case 'PersonalDataErased':
      return { ...state, contactEmail: null, personalDataErased: true };
    default:
      return state;
  }
};
