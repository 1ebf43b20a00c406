import { Module } from '@nestjs/common';
import { AccountsModule } from '@sanad/accounts';
import { WebhookSender } from './delivery/webhook-sender';
import { DeliveryClaimsRepository } from './deliveries/delivery-claims.repository';
import { WebhookDeliverer } from './deliveries/webhook-deliverer';
import { WebhookDeliveriesRepository } from './deliveries/webhook-deliveries.repository';
import { WebhookDeliveriesService } from './deliveries/webhook-deliveries.service';
import { EndpointDisabler } from './endpoints/endpoint-disabler';
import { WebhookAudit } from './endpoints/webhook-audit';
import { WebhookEndpointViews } from './endpoints/webhook-endpoint-views';
import { WebhookEndpointsRepository } from './endpoints/webhook-endpoints.repository';
import { WebhookEndpointsService } from './endpoints/webhook-endpoints.service';
import { WebhookFanOut } from './fanout/webhook-fanout.consumer';
import { WebhookWorkspaces } from './fanout/webhook-workspaces';

/**
 * Webhooks: admins' endpoints (API role), the fan-out of committed events into deliveries (an
 * outbox consumer) and the deliverer that sends them (started by the worker role).
 */
@Module({
  imports: [AccountsModule],
  providers: [
    WebhookEndpointsRepository,
    WebhookEndpointsService,
    WebhookEndpointViews,
    EndpointDisabler,
    WebhookAudit,
    WebhookDeliveriesRepository,
    DeliveryClaimsRepository,
    WebhookDeliveriesService,
    WebhookFanOut,
    WebhookWorkspaces,
    WebhookSender,
    WebhookDeliverer,
  ],
  exports: [WebhookEndpointsService, WebhookDeliveriesService, WebhookDeliverer],
})
export class WebhooksModule {}
