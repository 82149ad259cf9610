import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { IfMatch } from '../../http/if-match';
import { MatchWrite, TrancheWriteResult } from '../shared/match-write-responses';
import { scopedCommand } from '../shared/scoped-command';
import { assertEmptyApprovalBody } from './approve-disbursement.dto';
import { ApproveDisbursement } from './approve-disbursement.handler';

@ApiTags('matches')
@Controller('v1/matches')
export class ApproveDisbursementController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/disbursements/:disbursementId/approval')
  @Roles('officer')
  @ApiOperation({
    summary: 'Approve a tranche waiting for a second officer (officer other than the requester)',
    description:
      'Moves it to `disbursed`. Approving one’s own request is a 422 `disbursement.self-approval`.',
  })
  @MatchWrite(200, TrancheWriteResult, 'Approved and disbursed')
  approve(
    @Param('id') matchId: string,
    @Param('disbursementId') disbursementId: string,
    @Body() body: unknown,
    @CommandOf('ApproveDisbursement') http: HttpCommandContext,
    @IfMatch() ifMatch?: number,
  ): Promise<TrancheWriteResult> {
    assertEmptyApprovalBody(body);
    const { context } = scopedCommand(http);
    return this.commands.execute(new ApproveDisbursement(matchId, disbursementId, context, ifMatch));
  }
}
