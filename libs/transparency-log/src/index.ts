export { emptyRoot, hashLeaf, hashChildren, eventHashBytes, eventLeafHash, InvalidEventHashError } from './merkle/hashes';
export { merkleTree, merkleTreeHash, MerkleTreeView } from './merkle/merkle-tree';
export { verifyInclusion, InclusionClaim } from './merkle/verify-inclusion';
export { verifyConsistency, ConsistencyClaim } from './merkle/verify-consistency';
