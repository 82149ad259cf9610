import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../command-handling/command-context';
import { CommandController } from '../../http/command-controller';
import { Context } from '../../http/command-context.decorator';
import { TransitionEndpoint } from '../../http/command-endpoints';
import { ReviewReportDto } from './review-report.dto';
import { ReviewReportCommand } from './review-report.handler';

@ApiTags('matches')
@Controller('v1/matches')
export class ReviewReportController extends CommandController {
  @TransitionEndpoint('POST', ':id/expenditure-reports/:reportId/review', {
    roles: ['officer'],
    summary: 'Review an expenditure report (officer)',
    description:
      'Once per report: a second review is a 422 `report.already-reviewed`, a replaced report a 422 ' +
      '`report.replaced`; an unknown report is a 404.',
    answerDescription: 'Reviewed; `id` is the match',
  })
  review(
    @Param('id') matchId: string,
    @Param('reportId') reportId: string,
    @Body() body: ReviewReportDto,
    @Context() context: CommandContext,
  ) {
    return this.commands.execute(new ReviewReportCommand(matchId, reportId, body, context));
  }
}
