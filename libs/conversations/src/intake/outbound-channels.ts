import { Injectable } from '@nestjs/common';
import type { Channel } from '@sanad/contracts';
import type { Conversation } from '../entities/conversation.entity';
import type { Message } from '../entities/message.entity';

/**
 * A channel that carries replies back to the customer (email). It queues a reply inside the
 * transaction that writes it (open around the call) and sets the message's delivery fields (state, channel message id),
 * which the conversations service then saves, so nothing is sent for a reply that did not commit
 * and no committed reply is forgotten.
 */
export interface OutboundChannel {
  readonly channel: Channel;
  queue(
    conversation: Conversation,
    message: Message,
    options: { automatic: boolean },
  ): Promise<void>;
  /** Queues a failed delivery again. */
  retry(message: Message): Promise<void>;
}

/** Channels register here at start; conversations call them without depending on them. */
@Injectable()
export class OutboundChannels {
  private readonly channels = new Map<Channel, OutboundChannel>();

  /** A channel carries its own conversations' replies, and those of `as` when given. */
  register(channel: OutboundChannel, as: Channel = channel.channel): void {
    this.channels.set(as, channel);
  }

  for(channel: Channel): OutboundChannel | null {
    return this.channels.get(channel) ?? null;
  }
}
