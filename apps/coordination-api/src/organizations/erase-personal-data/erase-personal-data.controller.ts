import { ApiTags } from '@nestjs/swagger';
import { TransitionController } from '../../http/transition-controller';
import { ReasonDto } from '../../http/dto/reason.dto';
import { ErasePersonalDataCommand } from './erase-personal-data.handler';

@ApiTags('organisations')
export class ErasePersonalDataController extends TransitionController(ErasePersonalDataCommand, ReasonDto, {
  route: 'POST v1/organizations/:id/erasure',
  roles: ['admin'],
  summary: 'Erase the organisation’s personal data by destroying its key; the events stay. Role: admin.',
}) {}
