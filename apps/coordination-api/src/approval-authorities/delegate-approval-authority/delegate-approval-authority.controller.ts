import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../command-handling/command-context';
import { CommandController } from '../../http/command-controller';
import { Context } from '../../http/command-context.decorator';
import { CreatingEndpoint } from '../../http/command-endpoints';
import { assertOwnAuthority, officerOf } from '../officer-param';
import { DelegateApprovalAuthorityDto } from './delegate-approval-authority.dto';
import { DelegateApprovalAuthorityCommand } from './delegate-approval-authority.handler';

@ApiTags('approval authority')
@Controller('v1/approval-authorities')
export class DelegateApprovalAuthorityController extends CommandController {
  @CreatingEndpoint(':sub/delegations', {
    roles: ['officer'],
    summary: 'Lend one’s approval authority to another officer until a date (that officer only)',
    description:
      'Another officer’s `{sub}` is a 403. Refused with a 422: lending to oneself ' +
      '(`approval-authority.self-delegation`), an `until` before today (`approval-authority.until-past`), ' +
      'with no authority valid today (`approval-authority.nothing-to-delegate`), more than one’s own limit ' +
      '(`approval-authority.delegation-above-authority`). A delegation never exceeds the lender’s authority at ' +
      'the moment of approval.',
    answerDescription: 'Lent; `id` is the lending officer, `revision` its authority stream’s',
  })
  delegate(
    @Param('sub') sub: string,
    @Body() body: DelegateApprovalAuthorityDto,
    @Context() context: CommandContext,
  ) {
    const officer = officerOf(sub);
    assertOwnAuthority(context.actor, sub);
    return this.commands.execute(new DelegateApprovalAuthorityCommand(officer, body, context));
  }
}
