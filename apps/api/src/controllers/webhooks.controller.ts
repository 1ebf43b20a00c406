import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal, Roles } from '@sanad/auth';
import type {
  CreatedWebhookEndpointView,
  ListView,
  WebhookDeliveryView,
  WebhookEndpointView,
  WebhookReplayView,
  RotatedWebhookSecretView,
  WebhookSecretView,
} from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { Idempotent } from '@sanad/idempotency';
import {
  CreateWebhookEndpointDto,
  ReplayWebhookDto,
  UpdateWebhookEndpointDto,
  WebhookDeliveriesService,
  WebhookEndpointsService,
} from '@sanad/webhooks';
import { ApiErrors, WholeList } from '../openapi/api-errors.decorator';

const endpointId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('webhook/not_found'),
});

/** Webhook endpoints (admins): create, change, pause, resume, secrets, test, replay. */
@ApiTags('webhooks')
@Roles('owner', 'admin')
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly endpoints: WebhookEndpointsService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  @WholeList('at most 100 endpoints per workspace.')
  @Get()
  async list(@CurrentPrincipal() principal: Principal): Promise<ListView<WebhookEndpointView>> {
    return { items: await this.endpoints.list(principal) };
  }

  @ApiErrors(
    'webhook/limit',
    'webhook/url_invalid',
    'webhook/url_too_long',
    'webhook/url_scheme',
    'webhook/url_credentials',
    'webhook/url_forbidden_address',
    'webhook/url_unresolvable',
    'webhook/unknown_events',
    'webhook/header_not_allowed',
  )
  @Idempotent({ secret: true })
  @Post()
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateWebhookEndpointDto,
  ): Promise<CreatedWebhookEndpointView> {
    return this.endpoints.create(principal, dto);
  }

  @Get(':id')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', endpointId) id: string,
  ): Promise<WebhookEndpointView> {
    return this.endpoints.get(principal, id);
  }

  @Patch(':id')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', endpointId) id: string,
    @Body() dto: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointView> {
    return this.endpoints.update(principal, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', endpointId) id: string,
  ): Promise<void> {
    return this.endpoints.remove(principal, id);
  }

  @Post(':id/pause')
  @HttpCode(200)
  pause(
    @CurrentPrincipal() principal: Principal,
    @Param('id', endpointId) id: string,
  ): Promise<WebhookEndpointView> {
    return this.endpoints.pause(principal, id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  resume(
    @CurrentPrincipal() principal: Principal,
    @Param('id', endpointId) id: string,
  ): Promise<WebhookEndpointView> {
    return this.endpoints.resume(principal, id);
  }

  @Get(':id/secret')
  secret(
    @CurrentPrincipal() principal: Principal,
    @Param('id', endpointId) id: string,
  ): Promise<WebhookSecretView> {
    return this.endpoints.revealSecret(principal, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  rotate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', endpointId) id: string,
  ): Promise<RotatedWebhookSecretView> {
    return this.endpoints.rotateSecret(principal, id);
  }

  @Idempotent()
  @Post(':id/test')
  @HttpCode(202)
  test(
    @CurrentPrincipal() principal: Principal,
    @Param('id', endpointId) id: string,
  ): Promise<WebhookDeliveryView> {
    return this.deliveries.test(principal, id);
  }

  @Idempotent()
  @Post(':id/replay')
  @HttpCode(202)
  replay(
    @CurrentPrincipal() principal: Principal,
    @Param('id', endpointId) id: string,
    @Body() dto: ReplayWebhookDto,
  ): Promise<WebhookReplayView> {
    return this.deliveries.replay(principal, id, dto.since);
  }
}
