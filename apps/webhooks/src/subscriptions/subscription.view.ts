import { ApiProperty } from '@nestjs/swagger';
import type { SubscriptionRecord } from './subscriptions.store';

export class SubscriptionView {
  @ApiProperty() id: string;
  @ApiProperty() url: string;
  @ApiProperty({ type: [String], nullable: true, description: 'null: every type the subscriber may see' })
  eventTypes: string[] | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CreatedSubscriptionView extends SubscriptionView {
  @ApiProperty({
    description: '`whsec_` + base64 of 32 random bytes; shown only in this answer',
    example: 'whsec_…',
  })
  secret: string;
}

export class SubscriptionPage {
  @ApiProperty({ type: [SubscriptionView] }) items: SubscriptionView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class DeliveryAttemptView {
  @ApiProperty({ description: 'The event id, sent as `webhook-id`' }) eventId: string;
  @ApiProperty() attempt: number;
  @ApiProperty({ enum: ['delivered', 'retrying', 'failed'] }) status: 'delivered' | 'retrying' | 'failed';
  @ApiProperty({ required: false, description: 'The receiver answer status; absent when none came' })
  responseStatus?: number;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class DeliveryPage {
  @ApiProperty({ type: [DeliveryAttemptView] }) items: DeliveryAttemptView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({
    description: 'Events not yet delivered: retrying, or waiting behind an earlier event of their stream',
  })
  waiting: number;
}

export class ReplayView {
  @ApiProperty() subscriptionId: string;
  @ApiProperty() fromPosition: number;
  @ApiProperty({ description: 'Events queued to be delivered again' }) events: number;
}

export const subscriptionViewOf = (record: SubscriptionRecord): SubscriptionView => ({
  id: record.id,
  url: record.url,
  eventTypes: record.eventTypes,
  createdAt: record.createdAt.toISOString(),
});
