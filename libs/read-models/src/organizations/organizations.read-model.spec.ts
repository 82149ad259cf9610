import { updateRow } from '../mechanism/row-write';
import { specForProjection } from '../testing/projection-spec';
import { onStream, storyEvent } from '../testing/story-events';
import { organizationsReadModel } from './organizations.read-model';

const { given } = specForProjection(organizationsReadModel);
const registered = storyEvent('OrganizationRegistered');
const vetted = storyEvent('OrganizationVetted');
const org = registered.data.organizationId as string;
const suspended = onStream(registered, 'OrganizationSuspended', { organizationId: org, reason: 'audit' });
const at = (hours: number) =>
  new Date(Date.parse('2026-12-01T00:00:00.000Z') + hours * 3_600_000).toISOString();

describe('the organisations read model', () => {
  it('registers a pending organisation, its contact e-mail kept as the ciphertext', () =>
    given().when(registered).thenRow('organizations', org, {
      name: 'NGO 1',
      vetting: 'pending',
      contact_email_ciphertext: 'ciphertext:abc',
      revision: 0,
    }));

  it('records vetting on the row, with the stream revision', () =>
    given(registered)
      .when(vetted)
      .thenWrites(
        updateRow('organizations', ['id', org], { vetting: 'vetted', revision: 1, updated_at: at(1) }),
      ));

  it('keeps suspension apart from vetting, so reinstatement restores the vetted organisation', () =>
    given(registered, vetted, suspended)
      .when(onStream(registered, 'OrganizationReinstated', { organizationId: org, reason: 'cleared' }))
      .thenRow('organizations', org, { vetting: 'vetted', suspended: false, revision: 3 }));

  it('forgets the ciphertext of erased personal data', () =>
    given(registered, vetted)
      .when(onStream(registered, 'PersonalDataErased', { organizationId: org, reason: 'request' }))
      .thenRow('organizations', org, { contact_email_ciphertext: null, personal_data_erased: true }));
});
