import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal, Roles } from '@sanad/auth';
import type { PageView, WebhookDeliveryDetailView, WebhookDeliveryView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { Idempotent } from '@sanad/idempotency';
import { ListWebhookDeliveriesDto, WebhookDeliveriesService } from '@sanad/webhooks';

const deliveryId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('webhook_delivery/not_found'),
});

/** The delivery log (admins): filter, search, look at attempts, redeliver. */
@ApiTags('webhooks')
@Roles('owner', 'admin')
@Controller('webhook-deliveries')
export class WebhookDeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveriesService) {}

  @Get()
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() dto: ListWebhookDeliveriesDto,
  ): Promise<PageView<WebhookDeliveryView>> {
    return this.deliveries.list(principal, dto);
  }

  @Get(':id')
  detail(
    @CurrentPrincipal() principal: Principal,
    @Param('id', deliveryId) id: string,
  ): Promise<WebhookDeliveryDetailView> {
    return this.deliveries.detail(principal, id);
  }

  @Idempotent()
  @Post(':id/redeliver')
  @HttpCode(202)
  redeliver(
    @CurrentPrincipal() principal: Principal,
    @Param('id', deliveryId) id: string,
  ): Promise<WebhookDeliveryView> {
    return this.deliveries.redeliver(principal, id);
  }
}
