export * from './webhooks.errors';
export * from './webhooks.module';
export * from './endpoints/webhook-endpoints.service';
export * from './endpoints/webhook-endpoint.dto';
export * from './deliveries/webhook-deliveries.service';
export * from './deliveries/webhook-delivery.dto';
export * from './deliveries/webhook-deliverer';
export * from './deliveries/webhook-id.util';
