import { by, officer } from '../testing/fixtures';
import { specFor } from '../testing/given';
import type { OrganizationCommand } from './organization.commands';
import { organizationDecider } from './organization.decider';
import type { OrganizationEvent } from './organization.events';

const { given } = specFor(organizationDecider);
const organizationId = 'GB-CHC-202918';
const registration = {
  organizationId,
  name: 'Peace Bridges',
  country: 'GB',
  tracks: [2, 5],
  contactEmail: 'enc:v1:b64ciphertext',
};
const registered: OrganizationEvent = { type: 'OrganizationRegistered', data: registration };
const vetted: OrganizationEvent = {
  type: 'OrganizationVetted',
  data: { organizationId, note: 'references checked', vettedBy: 'officer-1' },
};
const rejected: OrganizationEvent = {
  type: 'OrganizationVettingRejected',
  data: { organizationId, note: 'no registration', vettedBy: 'officer-1' },
};
const suspended: OrganizationEvent = {
  type: 'OrganizationSuspended',
  data: { organizationId, reason: 'audit' },
};
const erased: OrganizationEvent = {
  type: 'PersonalDataErased',
  data: { organizationId, reason: 'GDPR art. 17', fields: ['contactEmail'] },
};

const command = <C extends OrganizationCommand>(type: C['type'], data: C['data']) =>
  ({ type, data, metadata: by(officer()) }) as OrganizationCommand;
const register = (changes: Partial<typeof registration> = {}) =>
  command('RegisterOrganization', { ...registration, ...changes });
const vet = (decision: 'approved' | 'rejected') => command('VetOrganization', { decision, note: 'checked' });

describe('RegisterOrganization', () => {
  it('registers a new organisation as pending, carrying the encrypted e-mail as it came', () =>
    given([])
      .when(register())
      .then([registered], (state) =>
        expect(state).toMatchObject({ status: 'pending', contactEmail: registration.contactEmail }),
      ));
  it('refuses to register the same organisation twice', () =>
    given([registered]).when(register()).thenFails('organization.already-registered'));
  it.each(['GB-202918', 'gb-chc-1', 'GB-CHC-', 'GBR-CHC-1', 'GB-chc-1'])('refuses the non-IATI id %s', (id) =>
    given([])
      .when(register({ organizationId: id }))
      .thenFails('organization.invalid-id'),
  );
  it('refuses a country that is not ISO 3166-1 alpha-2', () =>
    given([])
      .when(register({ country: 'ZZ' }))
      .thenFails('country.invalid'));
  it.each([[[]], [[0]], [[10]], [[1.5]]])('refuses tracks %j', (tracks) =>
    given([]).when(register({ tracks })).thenFails('track.invalid'),
  );
  it('refuses a blank name', () =>
    given([])
      .when(register({ name: '  ' }))
      .thenFails('text.required'));
});

describe('VetOrganization', () => {
  it('vets a pending organisation on approval, recording who vetted it', () =>
    given([registered])
      .when(vet('approved'))
      .then([
        { type: 'OrganizationVetted', data: { organizationId, note: 'checked', vettedBy: 'officer-1' } },
      ]));
  it('records a rejection', () =>
    given([registered])
      .when(vet('rejected'))
      .then([
        {
          type: 'OrganizationVettingRejected',
          data: { organizationId, note: 'checked', vettedBy: 'officer-1' },
        },
      ]));
  it('lets a rejected application be reconsidered', () =>
    given([registered, rejected])
      .when(vet('approved'))
      .then([{ ...vetted, data: { ...vetted.data, note: 'checked' } }]));
  it('refuses to vet an organisation that is already vetted', () =>
    given([registered, vetted]).when(vet('approved')).thenFails('organization.not-awaiting-vetting'));
  it('refuses to vet an organisation that does not exist', () =>
    given([]).when(vet('approved')).thenFails('organization.not-found'));
});

describe('SuspendOrganization', () => {
  it('suspends a vetted organisation', () =>
    given([registered, vetted])
      .when(command('SuspendOrganization', { reason: 'audit' }))
      .then([suspended]));
  it('refuses to suspend an organisation that was never vetted', () =>
    given([registered])
      .when(command('SuspendOrganization', { reason: 'audit' }))
      .thenFails('organization.not-vetted'));
});

describe('ReinstateOrganization', () => {
  it('reinstates a suspended organisation as vetted', () =>
    given([registered, vetted, suspended])
      .when(command('ReinstateOrganization', { reason: 'cleared' }))
      .then([{ type: 'OrganizationReinstated', data: { organizationId, reason: 'cleared' } }], (state) =>
        expect(state.status).toBe('vetted'),
      ));
  it('refuses to reinstate an organisation that is not suspended', () =>
    given([registered, vetted])
      .when(command('ReinstateOrganization', { reason: 'cleared' }))
      .thenFails('organization.not-suspended'));
});

describe('ErasePersonalData', () => {
  it('records the erasure of the contact e-mail and forgets the ciphertext in state', () =>
    given([registered, vetted])
      .when(command('ErasePersonalData', { reason: 'GDPR art. 17' }))
      .then([erased], (state) =>
        expect(state).toMatchObject({ status: 'vetted', contactEmail: null, personalDataErased: true }),
      ));
  it('refuses to erase twice', () =>
    given([registered, erased])
      .when(command('ErasePersonalData', { reason: 'again' }))
      .thenFails('organization.already-erased'));
});
