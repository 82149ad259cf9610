import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { IfMatch } from '../../http/if-match';
import { WriteResult } from '../../http/write-result';
import { MatchWrite } from '../shared/match-write-responses';
import { scopedCommand } from '../shared/scoped-command';
import { MakeMatch } from './make-match.handler';
import { MakeMatchDto } from './make-match.dto';

@ApiTags('matches')
@Controller('v1/matches')
export class MakeMatchController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('officer')
  @ApiOperation({
    summary: 'Match an offer to a request (officer)',
    description:
      'Accepts the offer, declines the request’s other submitted offers and marks the request matched. ' +
      'Of two concurrent matches for one request only one wins; the other gets 422 `request.not-open`. ' +
      '`If-Match` names the request’s revision. Send an Idempotency-Key: a retry then resumes the same match.',
  })
  @MatchWrite(201, WriteResult, 'Matched; `id` is the new match, revision/position its stream’s')
  make(
    @Body() body: MakeMatchDto,
    @CommandOf('MakeMatch') http: HttpCommandContext,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    const { context, newId } = scopedCommand(http);
    return this.commands.execute(new MakeMatch(newId, body.requestId, body.offerId, context, ifMatch));
  }
}
