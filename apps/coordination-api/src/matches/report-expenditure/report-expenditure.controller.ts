import { ApiTags } from '@nestjs/swagger';
import { TransitionController } from '../../http/transition-controller';
import { ReportExpenditureDto } from './report-expenditure.dto';
import { ReportExpenditureCommand } from './report-expenditure.handler';
import { ReportWriteResult } from './report-write-result';

@ApiTags('matches')
export class ReportExpenditureController extends TransitionController(
  ReportExpenditureCommand,
  ReportExpenditureDto,
  {
    route: 'POST v1/matches/:id/expenditure-reports',
    roles: ['ngo'],
    summary: 'Report what was spent in a period (the matched NGO; other NGOs get 404)',
    description:
      'Optionally by budget line, and optionally replacing an earlier report that is not accepted. ' +
      'An officer then reviews it (`…/expenditure-reports/{reportId}/review`).',
    status: 201,
    answer: ReportWriteResult,
    answerDescription: 'Reported; `id` is the match, `reportId` the new report',
  },
) {}
