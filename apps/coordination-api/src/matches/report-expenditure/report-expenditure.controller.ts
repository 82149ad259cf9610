import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../command-handling/command-context';
import { CommandController } from '../../http/command-controller';
import { Context } from '../../http/command-context.decorator';
import { TransitionEndpoint } from '../../http/command-endpoints';
import { ReportExpenditureDto } from './report-expenditure.dto';
import { ReportExpenditureCommand } from './report-expenditure.handler';

@ApiTags('matches')
@Controller('v1/matches')
export class ReportExpenditureController extends CommandController {
  @TransitionEndpoint('POST', ':id/expenditure-reports', {
    roles: ['ngo'],
    summary: 'Report what was spent in a period (the matched NGO; other NGOs get 404)',
    status: 201,
    answerDescription: 'Reported; `id` is the match',
  })
  report(
    @Param('id') matchId: string,
    @Body() body: ReportExpenditureDto,
    @Context() context: CommandContext,
  ) {
    return this.commands.execute(new ReportExpenditureCommand(matchId, body, context));
  }
}
