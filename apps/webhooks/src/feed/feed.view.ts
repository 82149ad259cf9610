import { ApiProperty } from '@nestjs/swagger';

export class CloudEventView {
  @ApiProperty({ example: '1.0' }) specversion: '1.0';
  @ApiProperty({ description: 'The event id: stable, the same in every feed page and webhook delivery' })
  id: string;
  @ApiProperty({ example: '/multitrack/event-store' }) source: string;
  @ApiProperty({ example: 'HelpRequestPublished' }) type: string;
  @ApiProperty({ description: 'The stream id', example: 'request-6f1c…' }) subject: string;
  @ApiProperty({ format: 'date-time' }) time: string;
  @ApiProperty({ example: 'application/json' }) datacontenttype: 'application/json';
  @ApiProperty({ description: 'Extension: the global log position' }) position: number;
  @ApiProperty({ description: 'Extension: the revision within the stream' }) revision: number;
  @ApiProperty({ description: 'The event payload; personal fields are null', type: Object }) data: Record<
    string,
    unknown
  >;
}

export class FeedPage {
  @ApiProperty({ type: [CloudEventView] }) items: CloudEventView[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'null once the caller has seen everything so far',
  })
  nextCursor: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Where to ask again later (`after`), even when nextCursor is null',
  })
  lastCursor: string | null;
}
