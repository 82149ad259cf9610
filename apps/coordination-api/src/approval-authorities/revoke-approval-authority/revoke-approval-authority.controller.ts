import { Controller, Delete, HttpCode, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { ApiCommandResponses, ApiProblemResponses } from '@multitrack/platform';
import type { CommandContext } from '../../command-handling/command-context';
import { CommandController } from '../../http/command-controller';
import { Context } from '../../http/command-context.decorator';
import { WriteResult } from '../../http/write-result';
import { officerOf } from '../officer-param';
import { RevokeApprovalAuthorityQuery } from './revoke-approval-authority.query';
import { RevokeApprovalAuthorityCommand } from './revoke-approval-authority.handler';

@ApiTags('approval authority')
@Controller('v1/approval-authorities')
export class RevokeApprovalAuthorityController extends CommandController {
  @Delete(':sub')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Revoke an officer’s approval limit in a currency (admin); recorded, never forgotten',
    description:
      'What the officer lent in that currency goes with it. An officer without a limit in that currency is a 404 ' +
      '`approval-authority.not-found`.',
  })
  @ApiCommandResponses()
  // A DELETE takes no body, but the HTTP layer still refuses one that is not JSON (415) before routing.
  @ApiProblemResponses(404, 415)
  @ApiOkResponse({ type: WriteResult, description: 'Revoked; `id` is the officer' })
  revoke(
    @Param('sub') sub: string,
    @Query() { currency }: RevokeApprovalAuthorityQuery,
    @Context() context: CommandContext,
  ) {
    return this.commands.execute(new RevokeApprovalAuthorityCommand(officerOf(sub), currency, context));
  }
}
