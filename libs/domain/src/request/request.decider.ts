import type { Decider } from '../shared/decider';
import type { RequestCommand } from './request.commands';
import { decideRequest } from './request.decide';
import type { RequestEvent } from './request.events';
import { evolveRequest, initialRequestState, type RequestState } from './request.state';

export const requestDecider: Decider<RequestCommand, RequestEvent, RequestState> = {
  decide: decideRequest,
  evolve: evolveRequest,
  initialState: initialRequestState,
};
