import { ApiTags } from '@nestjs/swagger';
import { TransitionController } from '../../http/transition-controller';
import { ReasonDto } from '../../http/dto/reason.dto';
import { ReinstateOrganizationCommand } from './reinstate-organization.handler';

@ApiTags('organisations')
export class ReinstateOrganizationController extends TransitionController(
  ReinstateOrganizationCommand,
  ReasonDto,
  {
    route: 'POST v1/organizations/:id/reinstatement',
    roles: ['officer'],
    summary: 'Reinstate a suspended organisation as vetted. Role: officer.',
  },
) {}
