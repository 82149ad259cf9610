import { ReasonDto } from '../../http/dto/reason.dto';

export class ReinstateOrganizationDto extends ReasonDto {}
