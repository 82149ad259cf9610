import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Database } from '@multitrack/database';
import { rule, type DomainError } from '@multitrack/domain';
import { DATABASE, PERSONAL_DATA_VAULT } from '@multitrack/platform';
import type { PersonalDataVault } from '@multitrack/personal-data';
import { findOrganization, organizationsReadModel } from '@multitrack/read-models';
import { awaitRevision } from '../../http/read-your-writes';
import { organizationViewOf, type OrganizationView } from '../organization.view';

export class GetOrganizationQuery extends Query<OrganizationView | DomainError> {
  constructor(
    readonly id: string,
    readonly minRevision?: number,
  ) {
    super();
  }
}

@QueryHandler(GetOrganizationQuery)
export class GetOrganizationHandler implements IQueryHandler<GetOrganizationQuery> {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ id, minRevision }: GetOrganizationQuery): Promise<OrganizationView | DomainError> {
    await awaitRevision(this.db, organizationsReadModel, id, minRevision);
    const record = await findOrganization(this.db, id);
    return record
      ? organizationViewOf(this.vault, record)
      : rule('organization.not-found', `no organisation ${id}`);
  }
}
