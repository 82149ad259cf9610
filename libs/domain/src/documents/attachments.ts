import { rule, type Command, type CommandMetadata, type DomainError, type Event } from '../shared/decider';
import type { RuleName } from '../shared/rules';
import { listOf } from '../shared/type-list';

/** Why a document is filed with an entity (API.md, "Evidence documents"). */
export const attachmentPurposes = ['agreement', 'receipt', 'report', 'vetting-evidence', 'other'] as const;
export type AttachmentPurpose = (typeof attachmentPurposes)[number];

/**
 * What the log keeps of a document: its SHA-256 and size, never its bytes, so the Merkle proofs
 * of the event cover the file itself (issue 16).
 */
export type AttachedDocument = {
  documentId: string;
  /** Lowercase hex SHA-256 of the bytes as uploaded (before any encryption). */
  sha256: string;
  size: number;
  mediaType: string;
  purpose: AttachmentPurpose;
};

/**
 * `alreadyAttached`: a fact the handler reads from the stream's own history, since no entity's
 * state keeps its attachments (they change nothing it decides on).
 */
export type AttachDocument = Command<'AttachDocument', AttachedDocument & { alreadyAttached: boolean }>;

export type DocumentAttached = Event<'DocumentAttached', AttachedDocument>;

/** Written to the streams of requests, offers and matches alike. */
export const attachmentEventTypes = listOf<DocumentAttached['type']>({ DocumentAttached: true });

export const isAttachDocument = (command: { type: string }): command is AttachDocument =>
  command.type === 'AttachDocument';

/**
 * Who may file evidence with an entity: an officer, or the organisation the entity belongs to (the
 * offering or the matched NGO; `undefined` for a request, which only officers write to).
 */
const checkWriter = (metadata: CommandMetadata, owner: string | undefined): DomainError | undefined =>
  metadata.actor.roles.includes('officer') || (owner !== undefined && metadata.actor.organizationId === owner)
    ? undefined
    : rule('document.not-writable', 'only an officer or the organisation the entity belongs to may attach');

/** The same rule for every entity that takes attachments; `notFound` names the entity's own rule. */
export const decideAttachment = <S extends { status: string }>(
  { data, metadata }: AttachDocument,
  state: S,
  ownerOf: (state: S) => string | undefined,
  notFound: RuleName,
): DocumentAttached[] | DomainError => {
  if (state.status === 'none') return rule(notFound);
  const refused = checkWriter(metadata, ownerOf(state));
  if (refused) return refused;
  const { alreadyAttached, ...document } = data;
  if (alreadyAttached)
    return rule('document.already-attached', `document ${data.documentId} is already attached here`);
  return [{ type: 'DocumentAttached', data: document }];
};

/**
 * A stream's decide with attachments added: attachments are decided alike for every entity, and
 * change no entity's state (so its evolve never sees them).
 */
export const withAttachments = <C extends Command, E extends Event, S extends { status: string }>(
  decide: (command: C, state: S) => E[] | DomainError,
  ownerOf: (state: S) => string | undefined,
  notFound: RuleName,
) => {
  return (command: C | AttachDocument, state: S): (E | DocumentAttached)[] | DomainError =>
    isAttachDocument(command)
      ? decideAttachment(command, state, ownerOf, notFound)
      : decide(command as C, state);
};

/** The evolve of a stream that takes attachments: a DocumentAttached leaves its state as it was. */
export const ignoringAttachments =
  <E extends Event, S>(evolve: (state: S, event: E) => S) =>
  (state: S, event: E | DocumentAttached): S =>
    event.type === 'DocumentAttached' ? state : evolve(state, event as E);
