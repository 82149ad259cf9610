import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { parseMoney } from '@multitrack/domain';
import { throwIfDomainError } from '@multitrack/platform';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { IfMatch } from '../../http/if-match';
import { WriteResult } from '../../http/write-result';
import { MatchWrite } from '../shared/match-write-responses';
import { scopedCommand } from '../shared/scoped-command';
import { ReportExpenditure } from './report-expenditure.handler';
import { ReportExpenditureDto } from './report-expenditure.dto';

@ApiTags('matches')
@Controller('v1/matches')
export class ReportExpenditureController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/expenditure-reports')
  @Roles('ngo')
  @ApiOperation({ summary: 'Report what was spent in a period (the matched NGO; other NGOs get 404)' })
  @MatchWrite(201, WriteResult, 'Reported; `id` is the match')
  report(
    @Param('id') matchId: string,
    @Body() body: ReportExpenditureDto,
    @CommandOf('ReportExpenditure') http: HttpCommandContext,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    const amount = throwIfDomainError(parseMoney(body.amount));
    const report = {
      amount,
      description: body.description,
      period: { from: body.period.from, to: body.period.to },
    };
    return this.commands.execute(
      new ReportExpenditure(matchId, report, scopedCommand(http).context, ifMatch),
    );
  }
}
