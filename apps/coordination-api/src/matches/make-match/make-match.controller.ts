import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../command-handling/command-context';
import { CommandController } from '../../http/command-controller';
import { Context } from '../../http/command-context.decorator';
import { CreatingEndpoint } from '../../http/command-endpoints';
import { MakeMatchDto } from './make-match.dto';
import { MakeMatchCommand } from './make-match.handler';

@ApiTags('matches')
@Controller('v1/matches')
export class MakeMatchController extends CommandController {
  @CreatingEndpoint('', {
    roles: ['officer'],
    summary: 'Match an offer to a request (officer)',
    description:
      'Accepts the offer, declines the request’s other submitted offers and marks the request matched, ' +
      'all in one atomic write; with `keepRequestOpen` the request stays open and the other offers wait, ' +
      'so more partners can be matched (their commitments share the budget). Of two concurrent matches for one request only one wins; the other gets ' +
      '422 `request.not-open`. Send an Idempotency-Key: a retry then answers with the same match.',
    answerDescription: 'Matched; `id` is the new match, revision/position its stream’s',
    problems: [404],
  })
  make(@Body() body: MakeMatchDto, @Context() context: CommandContext) {
    return this.commands.execute(new MakeMatchCommand(body, context));
  }
}
