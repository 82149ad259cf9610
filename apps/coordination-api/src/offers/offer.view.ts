import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MoneyView } from '../http/dto/money.view';

export class OfferView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty() organizationId: string;
  @ApiProperty({ enum: ['funding', 'in-kind', 'expertise'] }) kind: string;
  @ApiProperty() summary: string;
  @ApiPropertyOptional({
    type: MoneyView,
    description: 'Absent on an in-kind or expertise offer without a value',
  })
  amount?: MoneyView;
  @ApiProperty({ example: '2025-07-01' }) startDate: string;
  @ApiProperty({ example: '2025-07-21' }) endDate: string;
  @ApiProperty({ enum: ['submitted', 'withdrawn', 'accepted', 'declined'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) matchId: string | null;
  @ApiProperty() submittedAt: string;
  @ApiProperty() revision: number;
}

export class OfferPage {
  @ApiProperty({ type: [OfferView] }) items: OfferView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
