import { Injectable } from '@nestjs/common';
import { AuditLog, type Principal } from '@sanad/accounts';

/** Every admin's change to a webhook (and what they did with its log) in the audit log. */
@Injectable()
export class WebhookAudit {
  constructor(private readonly audit: AuditLog) {}

  record(
    principal: Principal,
    action: string,
    endpointId: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record({
      workspaceId: principal.workspaceId,
      actorUserId: principal.userId,
      action,
      targetType: 'webhook',
      targetId: endpointId,
      data,
    });
  }
}
