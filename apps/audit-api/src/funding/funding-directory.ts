import type { RecordedEvent } from '@multitrack/event-store';

export interface OrganizationEntry {
  name: string;
  country: string;
}

export interface RequestEntry {
  title: string;
  description: string;
  country: string;
  tracks: number[];
}

export interface MatchEntry {
  matchId: string;
  requestId: string;
  offerId: string;
  organizationId: string;
  currency: string;
  madeAt: Date;
  status: 'active' | 'completed' | 'cancelled';
}

/**
 * What the funding exports need to name the parties of a transaction, learnt from the log as it
 * streams past: one small entry per organisation, request and match (never the events).
 */
export class FundingDirectory {
  readonly organizations = new Map<string, OrganizationEntry>();
  readonly requests = new Map<string, RequestEntry>();
  readonly matches = new Map<string, MatchEntry>();

  learn(event: RecordedEvent): void {
    const data = event.data as Record<string, never>;
    switch (event.type) {
      case 'OrganizationRegistered':
        this.organizations.set(data.organizationId, { name: data.name, country: data.country });
        return;
      case 'HelpRequestPublished':
        this.requests.set(data.requestId, {
          title: data.title,
          description: data.description,
          country: data.country,
          tracks: data.tracks,
        });
        return;
      case 'HelpRequestAmended': {
        const request = this.requests.get(data.requestId);
        if (request)
          Object.assign(
            request,
            data.title ? { title: data.title } : {},
            data.description ? { description: data.description } : {},
          );
        return;
      }
      case 'MatchMade':
        this.matches.set(data.matchId, {
          matchId: data.matchId,
          requestId: data.requestId,
          offerId: data.offerId,
          organizationId: data.organizationId,
          currency: data.currency,
          madeAt: event.recordedAt,
          status: 'active',
        });
        return;
      case 'MatchCompleted':
      case 'MatchCancelled': {
        const match = this.matches.get(data.matchId);
        if (match) match.status = event.type === 'MatchCompleted' ? 'completed' : 'cancelled';
        return;
      }
    }
  }
}
