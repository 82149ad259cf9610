import { ApiTags } from '@nestjs/swagger';
import { TransitionController } from '../../http/transition-controller';
import { VetOrganizationDto } from './vet-organization.dto';
import { VetOrganizationCommand } from './vet-organization.handler';

@ApiTags('organisations')
export class VetOrganizationController extends TransitionController(
  VetOrganizationCommand,
  VetOrganizationDto,
  {
    route: 'POST v1/organizations/:id/vetting',
    roles: ['officer'],
    summary: 'Approve or reject a pending (or rejected) organisation. Role: officer.',
  },
) {}
