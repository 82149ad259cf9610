import { organizationDecider, type DomainError, type OrganizationCommand, type OrganizationState } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import type { EntityTransition } from '../command-handling/entity-transition';
import { writeToEntity } from '../command-handling/write-to-entity';
import type { WriteResult } from '../http/write-result';

type Transition = Exclude<OrganizationCommand, { type: 'RegisterOrganization' }>;

/** One state transition of an existing organisation: vetting, suspension, reinstatement, erasure. */
export const changeOrganization = <C extends Transition>(
  store: EventStore,
  transition: Omit<EntityTransition<unknown>, 'body'>,
  type: C['type'],
  data: (state: OrganizationState) => C['data'] | Promise<C['data']>,
): Promise<WriteResult | DomainError> =>
  writeToEntity(organizationDecider, {
    store,
    category: 'organization',
    id: transition.id,
    context: transition.context,
    ifMatch: transition.ifMatch,
    command: async (state) => ({ type, data: await data(state) }) as OrganizationCommand,
  });
