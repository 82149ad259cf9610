import { ReasonDto } from '../../http/dto/reason.dto';

export class SuspendOrganizationDto extends ReasonDto {}
