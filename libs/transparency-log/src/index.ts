// The Merkle tree of RFC 9162 over the event log: pure hashing, proofs and independent verifiers.
export {
  emptyRoot,
  hashLeaf,
  hashChildren,
  eventHashBytes,
  eventLeafHash,
  InvalidEventHashError,
} from './merkle/hashes';
export { merkleTree, merkleTreeHash, MerkleTreeView } from './merkle/merkle-tree';
export { verifyInclusion, InclusionClaim } from './merkle/verify-inclusion';
export { verifyConsistency, ConsistencyClaim } from './merkle/verify-consistency';

// The tree kept incrementally in PostgreSQL / PGlite.
export { migrateTransparencyLog, transparencyLogMigrations } from './transparency-log.migrations';
export {
  createTransparencyLog,
  TransparencyLog,
  LogLeaf,
  InclusionProof,
  ConsistencyProof,
} from './store/transparency-log';
export { LeafOrderError, LeafConflictError, TreeSizeError } from './store/errors';

// C2SP signed notes and checkpoints.
export {
  NoteSigner,
  NoteSignature,
  generateSigningKey,
  loadSigner,
  keyId,
  publicKeyRaw,
  publicKeyDocument,
} from './note/signer';
export {
  ParsedNote,
  NoteKey,
  NoteVerification,
  NoteFormatError,
  parseNote,
  renderSignedNote,
  formatSignatureLine,
  witnessSignatureLine,
  verifyNote,
  verifySignature,
} from './note/signed-note';
export {
  Checkpoint,
  SignedCheckpoint,
  checkpointBody,
  parseCheckpoint,
  signCheckpoint,
} from './note/checkpoint';
export { WitnessKey, parseWitnessKeys } from './note/witness-keys';

// Signed checkpoints: storage, cosignatures, the signing key and the periodic signer.
export { createCheckpointStore, CheckpointStore, StoredCheckpoint } from './checkpoints/checkpoint-store';
export { CheckpointNotFoundError, CosignatureRejectedError } from './checkpoints/errors';
export {
  loadOrCreateSigningKey,
  keptSigningKeys,
  readSigningKeyFile,
  SIGNING_KEY_FILE,
} from './checkpoints/signing-key';
export { createKeyHistory, KeyHistory, SigningKeyPeriod } from './checkpoints/key-history';
export { createCheckpointer, Checkpointer, CheckpointerDependencies } from './checkpoints/checkpointer';
