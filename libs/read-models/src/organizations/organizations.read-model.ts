import type { OrganizationEvent } from '@multitrack/domain';
import { entityIdOf } from '../envelope';
import { sql, touchRow, type ReadModel, type Statement } from '../mechanism/read-model';
import { Topics } from '../topics';

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

const project = (e: Parameters<ReadModel['project']>[0], s: string): Statement[] => {
  const event = e as unknown as OrganizationEvent;
  const id = entityIdOf(e.streamId);
  const touch = touchRow(s, 'organizations', id, e);
  switch (event.type) {
    case 'OrganizationRegistered': {
      const d = event.data;
      return [
        sql(
          `INSERT INTO ${s}.organizations (id, name, country, tracks, contact_email_ciphertext, vetting, revision, registered_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $7)`,
          id, d.name, d.country, d.tracks, d.contactEmail, e.revision, e.recordedAt,
        ),
      ];
    }
    case 'OrganizationVetted':
      return [touch(`vetting = 'vetted'`)];
    case 'OrganizationVettingRejected':
      return [touch(`vetting = 'rejected'`)];
    case 'OrganizationSuspended':
      return [touch('suspended = true')];
    case 'OrganizationReinstated':
      return [touch('suspended = false')];
    case 'PersonalDataErased':
      return [touch('contact_email_ciphertext = NULL, personal_data_erased = true')];
    default:
      return [touch('')];
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
