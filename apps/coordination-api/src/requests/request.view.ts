import { ApiProperty } from '@nestjs/swagger';
import { MoneyView } from '../http/dto/money.view';

/** `GET /v1/requests/{id}` (API.md). */
export class RequestView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [Number] }) tracks: number[];
  @ApiProperty({ example: 'CO' }) country: string;
  @ApiProperty({ type: MoneyView }) budget: MoneyView;
  @ApiProperty({ example: '2025-09-30' }) neededBy: string;
  @ApiProperty({ enum: ['open', 'matched', 'closed', 'cancelled'] }) status: string;
  @ApiProperty({ description: 'Live (not withdrawn) offers' }) offerCount: number;
  @ApiProperty({ type: String, nullable: true, description: 'The latest match' }) matchId: string | null;
  @ApiProperty({ type: [String], description: 'Every match of the request, oldest first' })
  matchIds: string[];
  @ApiProperty() publishedAt: string;
  @ApiProperty() revision: number;
}

export class RequestPage {
  @ApiProperty({ type: [RequestView] }) items: RequestView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
