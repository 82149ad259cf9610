import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Database } from '@multitrack/database';
import { DATABASE, PERSONAL_DATA_VAULT } from '@multitrack/platform';
import type { PersonalDataVault } from '@multitrack/personal-data';
import { listOrganizations } from '@multitrack/read-models';
import { organizationViewOf, type OrganizationPage } from '../organization.view';
import type { ListOrganizationsQueryDto } from './list-organizations.dto';

export class ListOrganizationsQuery extends Query<OrganizationPage> {
  constructor(readonly query: ListOrganizationsQueryDto) {
    super();
  }
}

@QueryHandler(ListOrganizationsQuery)
export class ListOrganizationsHandler implements IQueryHandler<ListOrganizationsQuery> {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ query }: ListOrganizationsQuery): Promise<OrganizationPage> {
    const { status, country, track, limit, cursor } = query;
    const page = await listOrganizations(this.db, { status, country, track }, { limit, cursor });
    const items = await Promise.all(page.items.map((record) => organizationViewOf(this.vault, record)));
    return { items, nextCursor: page.nextCursor };
  }
}
