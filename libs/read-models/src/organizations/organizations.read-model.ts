import type { OrganizationEvent } from '@multitrack/domain';
import { Topics } from '@multitrack/messaging';
import { parseStreamId } from '@multitrack/domain';
import type { ReadModel } from '../mechanism/read-model';
import { insertRow, touchRow, type Write } from '../mechanism/row-write';

const migrations = (s: string) => [
  {
    version: 2,
    name: 'organisations',
    sql: `
      CREATE TABLE ${s}.organizations (
        id text PRIMARY KEY, name text NOT NULL, country text NOT NULL, tracks int[] NOT NULL,
        -- ciphertext under the organisation's data-subject key; the API decrypts, NULL once erased
        contact_email_ciphertext text, personal_data_erased boolean NOT NULL DEFAULT false,
        vetting text NOT NULL, suspended boolean NOT NULL DEFAULT false,
        revision int8 NOT NULL, registered_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
      CREATE INDEX ON ${s}.organizations (country, id);
      CREATE INDEX ON ${s}.organizations USING gin (tracks);`,
  },
];

const project = (e: Parameters<ReadModel['project']>[0]): Write[] => {
  const event = e as unknown as OrganizationEvent;
  const id = parseStreamId(e.streamId)!.id;
  const touch = touchRow('organizations', id, e);
  switch (event.type) {
    case 'OrganizationRegistered': {
      const d = event.data;
      return [
        insertRow('organizations', ['id', id], {
          name: d.name,
          country: d.country,
          tracks: d.tracks,
          contact_email_ciphertext: d.contactEmail,
          vetting: 'pending',
          revision: e.revision,
          registered_at: e.recordedAt,
          updated_at: e.recordedAt,
        }),
      ];
    }
    case 'OrganizationVetted':
      return [touch({ vetting: 'vetted' })];
    case 'OrganizationVettingRejected':
      return [touch({ vetting: 'rejected' })];
    case 'OrganizationSuspended':
      return [touch({ suspended: true })];
    case 'OrganizationReinstated':
      return [touch({ suspended: false })];
    case 'PersonalDataErased':
      return [touch({ contact_email_ciphertext: null, personal_data_erased: true })];
    default:
      return [touch()];
  }
};

/** One row per organisation; suspension is kept apart from vetting so reinstatement restores it. */
export const organizationsReadModel: ReadModel = {
  name: 'organizations',
  schema: 'rm_organizations',
  topics: [Topics.organizations],
  migrations,
  entity: { table: 'organizations', idColumn: 'id' },
  project,
};
