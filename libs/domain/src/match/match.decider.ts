import type { Decider } from '../shared/decider';
import type { MatchCommand } from './match.commands';
import { decideMatch } from './match.decide';
import type { MatchEvent } from './match.events';
import { evolveMatch, initialMatchState, type MatchState } from './match.state';

export const matchDecider: Decider<MatchCommand, MatchEvent, MatchState> = {
  decide: decideMatch,
  evolve: evolveMatch,
  initialState: initialMatchState,
};
