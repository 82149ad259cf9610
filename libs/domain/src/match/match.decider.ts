import {
  ignoringAttachments,
  withAttachments,
  type AttachDocument,
  type DocumentAttached,
} from '../documents/attachments';
import type { Decider } from '../shared/decider';
import type { MatchCommand } from './match.commands';
import { decideMatch } from './match.decide';
import type { MatchEvent } from './match.events';
import { evolveMatch, initialMatchState, type MatchState } from './match.state';

export const matchDecider: Decider<MatchCommand | AttachDocument, MatchEvent | DocumentAttached, MatchState> =
  {
    decide: withAttachments(
      decideMatch,
      (state) => (state.status === 'none' ? undefined : state.organizationId),
      'match.not-found',
    ),
    evolve: ignoringAttachments(evolveMatch),
    initialState: initialMatchState,
  };
