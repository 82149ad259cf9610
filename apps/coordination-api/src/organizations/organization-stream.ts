import { organizationDecider, type DomainError, type OrganizationCommand, type OrganizationState } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { writeToEntity } from '../command-handling/write-to-entity';
import type { HttpCommandContext } from '../http/command-context.decorator';
import type { WriteResult } from '../http/write-result';

type Transition = Exclude<OrganizationCommand, { type: 'RegisterOrganization' }>;

/** One state transition of an existing organisation: vetting, suspension, reinstatement, erasure. */
export const changeOrganization = <C extends Transition>(
  store: EventStore,
  request: { organizationId: string; context: HttpCommandContext; ifMatch?: number },
  type: C['type'],
  data: (state: OrganizationState) => C['data'] | Promise<C['data']>,
): Promise<WriteResult | DomainError> =>
  writeToEntity(organizationDecider, {
    store,
    category: 'organization',
    id: request.organizationId,
    context: request.context,
    ifMatch: request.ifMatch,
    command: async (state) => ({ type, data: await data(state) }) as OrganizationCommand,
  });
