import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const base64 = { format: 'byte', example: 'fdAtQvdoHLIJ8Zx3I0xD8NAWxj9Xv4xdyDsBtQVaxvo=' };

/** OpenAPI-only: the key that signs checkpoints. */
export class PublicKeyResponse {
  @ApiProperty({
    description: 'The signer name, also the checkpoint origin',
    example: 'audit.multitrack.example/log',
  })
  name: string;
  @ApiProperty({ enum: ['Ed25519'] }) algorithm: 'Ed25519';
  @ApiProperty({ ...base64, description: 'The raw 32-byte Ed25519 public key, base64' }) publicKey: string;
}

/** OpenAPI-only: one key of the key history. */
export class PublicKeyPeriodResponse extends PublicKeyResponse {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'The tree size of the first checkpoint this key signed',
  })
  firstTreeSize: number;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: 'The tree size of the last checkpoint it signed; absent for the key that signs now',
  })
  lastTreeSize?: number;
}

export class PublicKeyHistoryResponse {
  @ApiProperty({
    type: [PublicKeyPeriodResponse],
    description: 'Every key that has signed checkpoints of this log, oldest first',
  })
  items: PublicKeyPeriodResponse[];
}

export class InclusionProofResponse {
  @ApiProperty({ type: 'integer', minimum: 0, description: "The event's 0-based place in the global order" })
  leafIndex: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) treeSize: number;
  @ApiProperty({ ...base64, description: 'The RFC 9162 root of the tree of `treeSize` leaves' })
  rootHash: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'string', format: 'byte' },
    description: 'The audit path, leaf to root, base64',
  })
  hashes: string[];
}

export class ConsistencyProofResponse {
  @ApiProperty({ type: 'integer', minimum: 0 }) from: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) to: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'string', format: 'byte' },
    description: 'The RFC 9162 consistency proof, base64',
  })
  hashes: string[];
}

export class CosignatureResponse {
  @ApiProperty({ type: 'integer', minimum: 0 }) treeSize: number;
  @ApiProperty({
    type: [String],
    description: 'Every signer of that checkpoint now, the log first',
    example: ['audit.multitrack.example/log', 'witness.example/w1'],
  })
  signedBy: string[];
}

/** A C2SP signed note, as served by the checkpoint routes. */
export const SIGNED_NOTE_EXAMPLE =
  'audit.multitrack.example/log\n1234\nfdAtQvdoHLIJ8Zx3I0xD8NAWxj9Xv4xdyDsBtQVaxvo=\n\n— audit.multitrack.example/log Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n';
