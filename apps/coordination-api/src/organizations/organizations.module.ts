import { Module } from '@nestjs/common';
import { CommandHandlingModule } from '../command-handling/command-handling.module';
import { ErasePersonalDataController } from './erase-personal-data/erase-personal-data.controller';
import { ErasePersonalDataHandler } from './erase-personal-data/erase-personal-data.handler';
import { GetOrganizationController } from './get-organization/get-organization.controller';
import { GetOrganizationHandler } from './get-organization/get-organization.handler';
import { ListOrganizationsController } from './list-organizations/list-organizations.controller';
import { ListOrganizationsHandler } from './list-organizations/list-organizations.handler';
import { RegisterOrganizationController } from './register-organization/register-organization.controller';
import { RegisterOrganizationHandler } from './register-organization/register-organization.handler';
import { ReinstateOrganizationController } from './reinstate-organization/reinstate-organization.controller';
import { ReinstateOrganizationHandler } from './reinstate-organization/reinstate-organization.handler';
import { SuspendOrganizationController } from './suspend-organization/suspend-organization.controller';
import { SuspendOrganizationHandler } from './suspend-organization/suspend-organization.handler';
import { VetOrganizationController } from './vet-organization/vet-organization.controller';
import { VetOrganizationHandler } from './vet-organization/vet-organization.handler';

@Module({
  imports: [CommandHandlingModule],
  controllers: [
    RegisterOrganizationController,
    VetOrganizationController,
    SuspendOrganizationController,
    ReinstateOrganizationController,
    ErasePersonalDataController,
    ListOrganizationsController,
    GetOrganizationController,
  ],
  providers: [
    RegisterOrganizationHandler,
    VetOrganizationHandler,
    SuspendOrganizationHandler,
    ReinstateOrganizationHandler,
    ErasePersonalDataHandler,
    ListOrganizationsHandler,
    GetOrganizationHandler,
  ],
})
export class OrganizationsModule {}
