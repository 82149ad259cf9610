import { ApiTags } from '@nestjs/swagger';
import { TransitionController } from '../../http/transition-controller';
import { ReasonDto } from '../../http/dto/reason.dto';
import { SuspendOrganizationCommand } from './suspend-organization.handler';

@ApiTags('organisations')
export class SuspendOrganizationController extends TransitionController(
  SuspendOrganizationCommand,
  ReasonDto,
  {
    route: 'POST v1/organizations/:id/suspension',
    roles: ['officer'],
    summary: 'Suspend a vetted organisation: it can neither offer nor receive money. Role: officer.',
  },
) {}
