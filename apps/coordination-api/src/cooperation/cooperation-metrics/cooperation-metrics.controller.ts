import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { ApiQueryResponses } from '@multitrack/platform';
import { MoneyView } from '../../http/dto/money.view';
import { QueryController } from '../../http/query-controller';
import { CooperationMetricsQueryDto } from './cooperation-metrics.dto';
import { CooperationMetricsQuery } from './cooperation-metrics.handler';

class TimingView {
  @ApiProperty({ description: 'Requests that reached the step' }) count!: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Seconds; null when none did' })
  median!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Seconds; null when none did' })
  p90!: number | null;
}

class CooperationMetricsView {
  @ApiProperty() requests!: number;
  @ApiProperty() offers!: number;
  @ApiProperty({ description: 'Several matches of one request count each' }) matches!: number;
  @ApiProperty({ type: [MoneyView], description: 'One entry per currency' }) committed!: MoneyView[];
  @ApiProperty({ type: [MoneyView], description: 'One entry per currency' }) disbursed!: MoneyView[];
  @ApiProperty({ type: TimingView }) secondsToFirstOffer!: TimingView;
  @ApiProperty({ type: TimingView }) secondsToMatch!: TimingView;
  @ApiProperty({ type: TimingView }) secondsToFirstDisbursement!: TimingView;
  @ApiProperty({ type: TimingView }) secondsToConfirmedReceipt!: TimingView;
}

@ApiTags('cooperation metrics')
@Controller('v1/cooperation-metrics')
export class CooperationMetricsController extends QueryController {
  @Get()
  @Roles('officer', 'auditor')
  @ApiOperation({
    summary:
      'How fast help moves: counts, money per currency, and median and p90 seconds from publication to first offer, match, first disbursement and confirmed receipt; filters track, country. Roles: officer, auditor.',
  })
  @ApiOkResponse({ type: CooperationMetricsView })
  @ApiQueryResponses()
  metrics(@Query() query: CooperationMetricsQueryDto) {
    return this.queries.execute(new CooperationMetricsQuery(query));
  }
}
