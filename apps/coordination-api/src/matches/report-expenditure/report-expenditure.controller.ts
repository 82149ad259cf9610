import { ApiTags } from '@nestjs/swagger';
import { TransitionController } from '../../http/transition-controller';
import { ReportExpenditureDto } from './report-expenditure.dto';
import { ReportExpenditureCommand } from './report-expenditure.handler';

@ApiTags('matches')
export class ReportExpenditureController extends TransitionController(
  ReportExpenditureCommand,
  ReportExpenditureDto,
  {
    route: 'POST v1/matches/:id/expenditure-reports',
    roles: ['ngo'],
    summary: 'Report what was spent in a period (the matched NGO; other NGOs get 404)',
    status: 201,
    answerDescription: 'Reported; `id` is the match',
  },
) {}
