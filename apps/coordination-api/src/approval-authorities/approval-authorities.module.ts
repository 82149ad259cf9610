import { Module } from '@nestjs/common';
import { CommandHandlingModule } from '../command-handling/command-handling.module';
import { DelegateApprovalAuthorityController } from './delegate-approval-authority/delegate-approval-authority.controller';
import { DelegateApprovalAuthorityHandler } from './delegate-approval-authority/delegate-approval-authority.handler';
import { GrantApprovalAuthorityController } from './grant-approval-authority/grant-approval-authority.controller';
import { GrantApprovalAuthorityHandler } from './grant-approval-authority/grant-approval-authority.handler';
import { ListApprovalAuthoritiesController } from './list-approval-authorities/list-approval-authorities.controller';
import { ListApprovalAuthoritiesHandler } from './list-approval-authorities/list-approval-authorities.handler';
import { RevokeApprovalAuthorityController } from './revoke-approval-authority/revoke-approval-authority.controller';
import { RevokeApprovalAuthorityHandler } from './revoke-approval-authority/revoke-approval-authority.handler';

/** Who may release money (API.md, "Approval authority"): the register and its changes. */
@Module({
  imports: [CommandHandlingModule],
  controllers: [
    ListApprovalAuthoritiesController,
    GrantApprovalAuthorityController,
    RevokeApprovalAuthorityController,
    DelegateApprovalAuthorityController,
  ],
  providers: [
    GrantApprovalAuthorityHandler,
    RevokeApprovalAuthorityHandler,
    DelegateApprovalAuthorityHandler,
    ListApprovalAuthoritiesHandler,
  ],
})
export class ApprovalAuthoritiesModule {}
