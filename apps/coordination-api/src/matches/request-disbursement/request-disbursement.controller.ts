import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { parseMoney } from '@multitrack/domain';
import { throwIfDomainError } from '@multitrack/platform';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { IfMatch } from '../../http/if-match';
import { MatchWrite, TrancheWriteResult } from '../shared/match-write-responses';
import { scopedCommand } from '../shared/scoped-command';
import { RequestDisbursement } from './request-disbursement.handler';
import { RequestDisbursementDto } from './request-disbursement.dto';

@ApiTags('matches')
@Controller('v1/matches')
export class RequestDisbursementController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/disbursements')
  @Roles('officer')
  @ApiOperation({
    summary: 'Disburse a tranche (officer)',
    description:
      'Released at once (`disbursed`), or `pending_approval` when the tranche alone, or with the tranches ' +
      'released without a second approval in the last DISBURSEMENT_APPROVAL_WINDOW_DAYS, is above ' +
      'DISBURSEMENT_APPROVAL_THRESHOLD. Over-disbursement (beyond the committed funds) is a 422.',
  })
  @MatchWrite(
    201,
    TrancheWriteResult,
    'The tranche; `id` is the disbursement id, revision/position the match stream’s',
  )
  disburse(
    @Param('id') matchId: string,
    @Body() body: RequestDisbursementDto,
    @CommandOf('RequestDisbursement') http: HttpCommandContext,
    @IfMatch() ifMatch?: number,
  ): Promise<TrancheWriteResult> {
    const { context, newId } = scopedCommand(http);
    const amount = throwIfDomainError(parseMoney(body.amount));
    return this.commands.execute(
      new RequestDisbursement(matchId, newId, amount, body.reference, context, ifMatch),
    );
  }
}
