import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@multitrack/auth';
import {
  ApiCommandResponses,
  ApiProblemResponses,
  ApiQueryResponses,
  ProblemException,
  statusProblem,
  validationProblem,
} from '@multitrack/platform';
import { DeliveriesStore } from '../delivery/deliveries.store';
import { TargetPolicy } from '../delivery/target-policy';
import { PageQuery } from '../http/page.query';
import { WebhooksSettings } from '../webhooks-settings';
import { CreateSubscriptionDto, ReplayDto } from './subscription.dto';
import { newSigningSecret, SubscriptionSecrets } from './subscription-secrets';
import {
  CreatedSubscriptionView,
  DeliveryPage,
  ReplayView,
  SubscriptionPage,
  SubscriptionView,
  subscriptionViewOf,
} from './subscription.view';
import { SubscriptionsStore, type SubscriptionRecord } from './subscriptions.store';

const SUBSCRIBERS = ['ngo', 'officer', 'auditor'] as const;

const notFound = () => new ProblemException(statusProblem(404, 'no such subscription of yours'));

const pageCursor = (value: string | undefined, pattern: RegExp): string | undefined => {
  if (value !== undefined && !pattern.test(value))
    throw validationProblem([{ field: 'cursor', message: 'cursor must be a cursor this list returned' }]);
  return value;
};

@ApiTags('subscriptions')
@Controller('v1/subscriptions')
@Roles(...SUBSCRIBERS)
export class SubscriptionsController {
  private readonly targets: TargetPolicy;

  constructor(
    private readonly subscriptions: SubscriptionsStore,
    private readonly deliveries: DeliveriesStore,
    private readonly secrets: SubscriptionSecrets,
    settings: WebhooksSettings,
  ) {
    this.targets = new TargetPolicy(settings.WEBHOOK_ALLOW_PRIVATE_URLS);
  }

  @Post()
  @ApiOperation({
    summary:
      'Subscribe a URL to the events the caller may see (ngo, officer, auditor). The signing secret is shown only in this answer.',
  })
  @ApiCreatedResponse({ type: CreatedSubscriptionView })
  @ApiCommandResponses()
  async create(
    @Body() body: CreateSubscriptionDto,
    @CurrentActor() actor: Actor,
  ): Promise<CreatedSubscriptionView> {
    this.targets.checkUrl(body.url);
    const secret = newSigningSecret();
    const record = await this.subscriptions.create(
      {
        subscriber: actor.sub,
        viewer: { roles: actor.roles, organizationId: actor.organizationId },
        url: body.url,
        eventTypes: body.eventTypes ?? null,
      },
      (id) => this.secrets.seal(id, secret),
    );
    return { ...subscriptionViewOf(record), secret };
  }

  @Get()
  @ApiOperation({ summary: "The caller's subscriptions, paged." })
  @ApiOkResponse({ type: SubscriptionPage })
  @ApiQueryResponses()
  async list(
    @Query() { limit = 50, cursor }: PageQuery,
    @CurrentActor() actor: Actor,
  ): Promise<SubscriptionPage> {
    const after = pageCursor(cursor, /^[0-9a-f-]{36}$/);
    const records = await this.subscriptions.listOf(actor.sub, limit + 1, after);
    const items = records.slice(0, limit).map(subscriptionViewOf);
    return { items, nextCursor: records.length > limit ? items[items.length - 1].id : null };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of the caller’s subscriptions; anyone else’s is 404.' })
  @ApiOkResponse({ type: SubscriptionView })
  @ApiQueryResponses()
  async get(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<SubscriptionView> {
    return subscriptionViewOf(await this.own(actor, id));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stops deliveries to the subscription.' })
  @ApiNoContentResponse()
  @ApiQueryResponses()
  async delete(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<void> {
    if (!(await this.subscriptions.delete(actor.sub, id))) throw notFound();
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Recent delivery attempts, newest first.' })
  @ApiOkResponse({ type: DeliveryPage })
  @ApiQueryResponses()
  async deliveriesOf(
    @Param('id') id: string,
    @Query() { limit = 50, cursor }: PageQuery,
    @CurrentActor() actor: Actor,
  ): Promise<DeliveryPage> {
    const before = pageCursor(cursor, /^\d{1,18}$/);
    const subscription = await this.own(actor, id);
    const attempts = await this.deliveries.attempts(
      subscription.id,
      limit + 1,
      before ? Number(before) : undefined,
    );
    const shown = attempts.slice(0, limit);
    return {
      items: shown.map((attempt) => ({
        eventId: attempt.eventId,
        attempt: attempt.attempt,
        status: attempt.status,
        ...(attempt.responseStatus === null ? {} : { responseStatus: attempt.responseStatus }),
        at: attempt.at.toISOString(),
      })),
      nextCursor: attempts.length > limit ? String(shown[shown.length - 1].id) : null,
      waiting: await this.deliveries.waiting(subscription.id),
    };
  }

  @Post(':id/replay')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Delivers again, in order and with the same webhook-id, every matching event from that log position; releases a failed stream.',
  })
  @ApiAcceptedResponse({ type: ReplayView })
  @ApiCommandResponses()
  @ApiProblemResponses(404)
  async replay(
    @Param('id') id: string,
    @Body() body: ReplayDto,
    @CurrentActor() actor: Actor,
  ): Promise<ReplayView> {
    const subscription = await this.own(actor, id);
    const events = await this.deliveries.replay(subscription.id, body.fromPosition);
    return { subscriptionId: subscription.id, fromPosition: body.fromPosition, events };
  }

  private async own(actor: Actor, id: string): Promise<SubscriptionRecord> {
    const record = await this.subscriptions.ofSubscriber(actor.sub, id);
    if (!record) throw notFound();
    return record;
  }
}
