import {
  ignoringAttachments,
  withAttachments,
  type AttachDocument,
  type DocumentAttached,
} from '../documents/attachments';
import type { Decider } from '../shared/decider';
import type { RequestCommand } from './request.commands';
import { decideRequest } from './request.decide';
import type { RequestEvent } from './request.events';
import { evolveRequest, initialRequestState, type RequestState } from './request.state';

export const requestDecider: Decider<
  RequestCommand | AttachDocument,
  RequestEvent | DocumentAttached,
  RequestState
> = {
  decide: withAttachments(decideRequest, () => undefined, 'request.not-found'),
  evolve: ignoringAttachments(evolveRequest),
  initialState: initialRequestState,
};
