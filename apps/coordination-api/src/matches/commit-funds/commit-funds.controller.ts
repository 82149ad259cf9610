import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { parseMoney, type Money } from '@multitrack/domain';
import { throwIfDomainError } from '@multitrack/platform';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { IfMatch } from '../../http/if-match';
import { WriteResult } from '../../http/write-result';
import { MatchWrite } from '../shared/match-write-responses';
import { scopedCommand } from '../shared/scoped-command';
import { CommitFunds } from './commit-funds.handler';
import { CommitFundsDto } from './commit-funds.dto';

@ApiTags('matches')
@Controller('v1/matches')
export class CommitFundsController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/commitments')
  @Roles('officer')
  @ApiOperation({
    summary: 'Commit funds to a match (officer); total committed ≤ the request budget, same currency',
  })
  @MatchWrite(201, WriteResult, 'Committed; `id` is the match')
  commit(
    @Param('id') matchId: string,
    @Body() body: CommitFundsDto,
    @CommandOf('CommitFunds') http: HttpCommandContext,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    const amount: Money = throwIfDomainError(parseMoney(body.amount));
    return this.commands.execute(new CommitFunds(matchId, amount, scopedCommand(http).context, ifMatch));
  }
}
