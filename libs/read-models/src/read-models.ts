import { approvalAuthoritiesReadModel } from './approval-authorities/approval-authorities.read-model';
import { cooperationReadModel } from './cooperation/cooperation.read-model';
import { matchesReadModel } from './matches/matches.read-model';
import type { ReadModel } from './mechanism/read-model';
import { offersReadModel } from './offers/offers.read-model';
import { organizationsReadModel } from './organizations/organizations.read-model';
import { requestsReadModel } from './requests/requests.read-model';

/** Every read model; the projector runs one consumer group per entry. */
export const readModels: ReadModel[] = [
  organizationsReadModel,
  requestsReadModel,
  offersReadModel,
  matchesReadModel,
  cooperationReadModel,
  approvalAuthoritiesReadModel,
];

export const readModelNamed = (name: string): ReadModel => {
  const found = readModels.find((model) => model.name === name);
  if (!found)
    throw new Error(`no read model "${name}"; known: ${readModels.map((model) => model.name).join(', ')}`);
  return found;
};
