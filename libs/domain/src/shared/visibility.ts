import { parseStreamId } from './streams';

/** Whoever looks at an entity: the actor of a command, of a read, or the subscriber of a feed. */
export interface Viewer {
  roles: readonly string[];
  organizationId?: string;
}

/**
 * The organisation whose offers and matches the viewer sees, or `undefined` when it sees every
 * organisation's (officers and auditors). An NGO sees its own only: to another NGO they do not
 * exist (API.md: other NGOs get 404), and that holds for reads, writes and feeds alike. A viewer
 * with neither role nor organisation sees none (`''` matches no organisation).
 */
export const visibleOrganizationOf = (viewer: Viewer): string | undefined =>
  viewer.roles.includes('officer') || viewer.roles.includes('auditor')
    ? undefined
    : (viewer.organizationId ?? '');

/** Whether the viewer sees what belongs to `organizationId` (its offers, its matches). */
export const seesOrganization = (viewer: Viewer, organizationId: string): boolean => {
  const only = visibleOrganizationOf(viewer);
  return only === undefined || only === organizationId;
};

/** One event of the log as the feed and the webhooks judge it (what a read judges on an entity). */
export interface LoggedEvent {
  streamId: string;
  data: Record<string, unknown>;
}

/**
 * Whether the viewer may see one event of the log: the rule of the reads, event by event (API.md,
 * "Subscriptions"). Request events are everyone's, but one naming an organisation (`OfferReceived`)
 * only its viewers'; an organisation's, offer's or match's events only those who see the
 * organisation it belongs to (`owner`: the organisation of the stream's first event, `undefined`
 * when unknown, then officers and auditors only); any other stream (audit reads) auditors only.
 */
export const seesEvent = (viewer: Viewer, event: LoggedEvent, owner: string | undefined): boolean => {
  const stream = parseStreamId(event.streamId);
  if (!stream) return viewer.roles.includes('auditor');
  const named = event.data.organizationId;
  if (typeof named === 'string' && !seesOrganization(viewer, named)) return false;
  switch (stream.category) {
    case 'request':
      return true;
    case 'organization':
      return seesOrganization(viewer, stream.id);
    default:
      return owner === undefined
        ? visibleOrganizationOf(viewer) === undefined
        : seesOrganization(viewer, owner);
  }
};

/** The organisation an offer's or a match's stream belongs to, from its first event. */
export const streamOwnerOf = (firstEvent: LoggedEvent): string | undefined => {
  const stream = parseStreamId(firstEvent.streamId);
  if (stream?.category === 'organization') return stream.id;
  const named = firstEvent.data.organizationId;
  return typeof named === 'string' ? named : undefined;
};
