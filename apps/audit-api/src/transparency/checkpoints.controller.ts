import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  PipeTransform,
  Post,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { publicKeyDocument, renderSignedNote, StoredCheckpoint } from '@multitrack/transparency-log';
import { ApiCommandResponses } from '@multitrack/platform';
import { TransparencyRoute } from '../http/audit-route';
import { AuditLog } from './audit-log.service';
import { asProblem, notFound } from './transparency.problems';
import {
  CosignatureResponse,
  PublicKeyHistoryResponse,
  PublicKeyPeriodResponse,
  PublicKeyResponse,
  SIGNED_NOTE_EXAMPLE,
} from './transparency.response';

export class CosignatureBody {
  @ApiProperty({ description: "The witness's key name, as configured in AUDIT_WITNESS_KEYS" })
  @IsString()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ description: 'base64(4-byte key id ‖ 64-byte Ed25519 signature over the checkpoint body)' })
  @IsString()
  @Matches(/^[A-Za-z0-9+/]+={0,2}$/)
  @MaxLength(200)
  signature!: string;
}

/** A tree size is a count of events: ParseIntPipe would pass 1e20 on to a bigint column (a 500). */
class TreeSizePipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^\d{1,15}$/.test(value))
      throw new BadRequestException('treeSize must be a whole number of at most 15 digits');
    return Number(value);
  }
}

const signedNote = {
  description:
    'A C2SP signed note: origin, tree size, base64 root hash, a blank line, then one `— <name> <base64(key id ‖ signature)>` line per signer',
  content: { 'text/plain': { schema: { type: 'string' }, example: SIGNED_NOTE_EXAMPLE } },
};

const treeSizeParameter = ApiParam({
  name: 'treeSize',
  schema: { type: 'integer', minimum: 0, maximum: 999_999_999_999_999 },
  description: 'A tree size at which a checkpoint was signed',
});

const note = (checkpoint: StoredCheckpoint | undefined, what: string): string => {
  if (!checkpoint) throw notFound(`no checkpoint was signed ${what}`);
  return renderSignedNote(checkpoint.body, checkpoint.signatures);
};

@Controller('v1/audit')
export class CheckpointsController {
  constructor(private readonly log: AuditLog) {}

  @Get('public-key')
  @TransparencyRoute('auditor', 'witness')
  @ApiOperation({ summary: 'The Ed25519 key that signs checkpoints' })
  @ApiOkResponse({ type: PublicKeyResponse })
  publicKey() {
    return publicKeyDocument(this.log.signer);
  }

  @Get('public-keys')
  @TransparencyRoute('auditor', 'witness')
  @ApiOperation({
    summary: 'Every key that has signed checkpoints of this log, oldest first, with the tree sizes it signed',
  })
  @ApiOkResponse({ type: PublicKeyHistoryResponse })
  async publicKeys(): Promise<{ items: PublicKeyPeriodResponse[] }> {
    const current = this.log.signer;
    const items = (await this.log.keys.list()).map(({ name, publicKey, firstTreeSize, lastTreeSize }) => ({
      name,
      algorithm: 'Ed25519' as const,
      publicKey: publicKey.toString('base64'),
      firstTreeSize,
      ...(name === current.name && publicKey.equals(current.publicKey) ? {} : { lastTreeSize }),
    }));
    return { items };
  }

  @Get('checkpoints/latest')
  @TransparencyRoute('auditor', 'witness')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'The latest signed checkpoint' })
  @ApiOkResponse(signedNote)
  async latest(): Promise<string> {
    return note(await this.log.checkpoints.latest(), 'yet');
  }

  @Get('checkpoints/:treeSize')
  @TransparencyRoute('auditor', 'witness')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'The checkpoint signed at `treeSize`, with every signature it has' })
  @treeSizeParameter
  @ApiOkResponse(signedNote)
  async at(@Param('treeSize', TreeSizePipe) treeSize: number): Promise<string> {
    return note(await this.log.checkpoints.at(treeSize), `at tree size ${treeSize}`);
  }

  /** A witness that checked consistency adds its signature line; it must verify under its configured key. */
  @Post('checkpoints/:treeSize/cosignatures')
  @HttpCode(201)
  @TransparencyRoute('witness')
  @ApiCommandResponses()
  @ApiOperation({
    summary:
      "A witness adds its signature line to a checkpoint; it must verify under the name's configured key, else 422",
  })
  @treeSizeParameter
  @ApiCreatedResponse({ type: CosignatureResponse })
  async cosign(@Param('treeSize', TreeSizePipe) treeSize: number, @Body() body: CosignatureBody) {
    const stored = await this.log.checkpoints
      .addCosignature(treeSize, body.name, body.signature, this.log.witnessKeys)
      .catch((error: unknown) => Promise.reject(asProblem(error)));
    return { treeSize: stored.treeSize, signedBy: stored.signatures.map((signature) => signature.name) };
  }
}
