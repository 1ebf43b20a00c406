import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { OutboundRepository } from './outbound.repository';

/**
 * Whether an automatic message (an email's or a form's acknowledgement) may go to an address:
 * never to our own addresses, no-reply senders or reserved domains, and at most
 * AUTO_REPLIES_PER_RECIPIENT_PER_DAY to one recipient (R12), so two systems never loop.
 */
@Injectable()
export class AutoReplyBudget {
  constructor(
    private readonly outbound: OutboundRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async allows(workspaceId: string, to: string): Promise<boolean> {
    const address = to.toLowerCase();
    const domain = address.slice(address.lastIndexOf('@') + 1);
    if (domain === this.config.inboundDomain || address.endsWith('.invalid')) return false;
    if (/^(no-?reply|do-?not-?reply|forwarding-noreply)\b/i.test(address)) return false;
    if ((await this.outbound.ownAddresses(workspaceId)).has(address)) return false;
    const since = new Date(Date.now() - 24 * 60 * 60 * 1000);
    const sent = await this.outbound.autoRepliesTo(workspaceId, address, since);
    return sent < this.config.autoRepliesPerRecipientPerDay;
  }
}
