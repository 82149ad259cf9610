import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../command-handling/command-context';
import { CommandController } from '../../http/command-controller';
import { Context } from '../../http/command-context.decorator';
import { TransitionEndpoint } from '../../http/command-endpoints';
import { ReasonDto } from '../../http/dto/reason.dto';
import { DisbursementWriteResult } from '../disbursement-write-result';
import { ReverseDisbursementCommand } from './reverse-disbursement.handler';

@ApiTags('matches')
@Controller('v1/matches')
export class ReverseDisbursementController extends CommandController {
  @TransitionEndpoint('POST', ':id/disbursements/:disbursementId/reversal', {
    roles: ['officer'],
    summary: 'Reverse a disbursed tranche whose receipt is not confirmed (officer)',
    description:
      'The tranche becomes `reversed` and leaves `disbursed`; the IATI export shows it as a negative ' +
      'type-3 transaction. A confirmed or undisbursed tranche is a 422 `disbursement.not-reversible`.',
    answer: DisbursementWriteResult,
    answerDescription: 'Reversed',
  })
  reverse(
    @Param('id') matchId: string,
    @Param('disbursementId') disbursementId: string,
    @Body() body: ReasonDto,
    @Context() context: CommandContext,
  ) {
    return this.commands.execute(new ReverseDisbursementCommand(matchId, disbursementId, body, context));
  }
}
