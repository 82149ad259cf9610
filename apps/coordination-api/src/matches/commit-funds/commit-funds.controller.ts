import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../command-handling/command-context';
import { CommandController } from '../../http/command-controller';
import { Context } from '../../http/command-context.decorator';
import { TransitionEndpoint } from '../../http/command-endpoints';
import { CommitFundsDto } from './commit-funds.dto';
import { CommitFundsCommand } from './commit-funds.handler';

@ApiTags('matches')
@Controller('v1/matches')
export class CommitFundsController extends CommandController {
  @TransitionEndpoint('POST', ':id/commitments', {
    roles: ['officer'],
    summary: 'Commit funds to a match (officer); total committed ≤ the request budget, same currency',
    status: 201,
    answerDescription: 'Committed; `id` is the match',
  })
  commit(@Param('id') matchId: string, @Body() body: CommitFundsDto, @Context() context: CommandContext) {
    return this.commands.execute(new CommitFundsCommand(matchId, body, context));
  }
}
