import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../command-handling/command-context';
import { CommandController } from '../../http/command-controller';
import { Context } from '../../http/command-context.decorator';
import { ReplacingEndpoint } from '../../http/command-endpoints';
import { officerOf } from '../officer-param';
import { GrantApprovalAuthorityDto } from './grant-approval-authority.dto';
import { GrantApprovalAuthorityCommand } from './grant-approval-authority.handler';

@ApiTags('approval authority')
@Controller('v1/approval-authorities')
export class GrantApprovalAuthorityController extends CommandController {
  @ReplacingEndpoint(':sub', {
    roles: ['admin'],
    summary: 'Give an officer its approval limit in a currency, or replace it (admin)',
    description:
      'One limit per officer and currency. `{sub}` is compared after NFKC normalisation, trimming and case ' +
      'folding; `id` answers that normalised identity. A `validUntil` before today is a 422 ' +
      '`approval-authority.valid-until-past`.',
    answerDescription: 'Recorded; `id` is the officer, `revision` its authority stream’s',
  })
  grant(
    @Param('sub') sub: string,
    @Body() body: GrantApprovalAuthorityDto,
    @Context() context: CommandContext,
  ) {
    return this.commands.execute(new GrantApprovalAuthorityCommand(officerOf(sub), sub, body, context));
  }
}
