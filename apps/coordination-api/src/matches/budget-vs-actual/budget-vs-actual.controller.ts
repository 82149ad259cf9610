import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@multitrack/auth';
import { ApiProblemResponses, ApiQueryResponses } from '@multitrack/platform';
import { MinRevisionQuery } from '../../http/dto/min-revision.query';
import { MoneyView } from '../../http/dto/money.view';
import { QueryController } from '../../http/query-controller';
import { BudgetVsActualQuery } from './budget-vs-actual.handler';

class BudgetLineActualView {
  @ApiProperty() code!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: MoneyView }) budget!: MoneyView;
  @ApiProperty({ type: MoneyView, description: 'On this line in the reports not replaced' })
  reported!: MoneyView;
  @ApiProperty({ type: MoneyView, description: 'On this line in the accepted reports' }) accepted!: MoneyView;
  @ApiProperty({ type: MoneyView, description: 'budget − accepted (negative: overspent)' })
  variance!: MoneyView;
}

class BudgetVsActualResponse {
  @ApiProperty({ type: [BudgetLineActualView] }) lines!: BudgetLineActualView[];
  @ApiProperty({
    type: MoneyView,
    description: 'Reported outside any line: reports without lines, and codes the budget no longer has',
  })
  unbudgeted!: MoneyView;
}

@ApiTags('matches')
@Controller('v1/matches')
export class BudgetVsActualController extends QueryController {
  @Get(':id/budget-vs-actual')
  @Roles('officer', 'auditor', 'ngo')
  @ApiOperation({
    summary:
      'The budget lines beside what was reported and accepted on each (officer, auditor, the matched NGO)',
    description:
      'Other NGOs get 404. `?minRevision=N` waits up to 5 s for revision N of the match, else 503.',
  })
  @ApiOkResponse({ type: BudgetVsActualResponse })
  @ApiQueryResponses()
  @ApiProblemResponses(503)
  get(@Param('id') matchId: string, @Query() query: MinRevisionQuery, @CurrentActor() actor: Actor) {
    return this.queries.execute(new BudgetVsActualQuery(matchId, actor, query.minRevision));
  }
}
