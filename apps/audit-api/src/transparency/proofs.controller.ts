import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { TransparencyRoute } from '../http/audit-route';
import { ConsistencyQuery, InclusionQuery } from '../http/queries';
import { AuditLog } from './audit-log.service';
import { leafAtPosition } from './leaf-positions';
import { badRequest, notFound } from './transparency.problems';
import { ConsistencyProofResponse, InclusionProofResponse } from './transparency.response';

const base64 = (hashes: Buffer[]) => hashes.map((hash) => hash.toString('base64'));

@Controller('v1/audit/proofs')
export class ProofsController {
  constructor(private readonly log: AuditLog) {}

  private async checkSize(treeSize: number): Promise<void> {
    const size = await this.log.tree.size();
    if (treeSize > size) throw notFound(`the transparency log holds ${size} events, not ${treeSize}`);
  }

  /** The audit path from the event at `position` to the root of the tree of `treeSize` leaves. */
  @Get('inclusion')
  @TransparencyRoute('auditor', 'witness')
  @ApiOperation({ summary: 'RFC 9162 inclusion proof of one event in a tree of `treeSize` leaves' })
  @ApiOkResponse({ type: InclusionProofResponse })
  async inclusion(@Query() { position, treeSize }: InclusionQuery) {
    const leaf = await leafAtPosition(this.log.db, position);
    if (!leaf) throw notFound(`no event at position ${position} is in the transparency log (yet)`);
    if (leaf.leafIndex >= treeSize)
      throw badRequest(
        `the event at position ${position} is leaf ${leaf.leafIndex}: not in a tree of ${treeSize}`,
      );
    await this.checkSize(treeSize);
    const proof = await this.log.tree.inclusionProof(leaf.leafIndex, treeSize);
    return {
      leafIndex: proof.leafIndex,
      treeSize: proof.treeSize,
      rootHash: proof.rootHash.toString('base64'),
      hashes: base64(proof.hashes),
    };
  }

  /** Proves that the tree of `to` leaves extends the tree of `from` leaves unchanged. */
  @Get('consistency')
  @TransparencyRoute('auditor', 'witness')
  @ApiOperation({ summary: 'RFC 9162 consistency proof between two tree sizes' })
  @ApiOkResponse({ type: ConsistencyProofResponse })
  async consistency(@Query() { from, to }: ConsistencyQuery) {
    if (from > to) throw badRequest(`from (${from}) must not exceed to (${to})`);
    await this.checkSize(to);
    const proof = await this.log.tree.consistencyProof(from, to);
    return { from: proof.from, to: proof.to, hashes: base64(proof.hashes) };
  }
}
