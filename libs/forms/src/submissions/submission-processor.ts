import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  OutboxDispatcher,
  OutboxWriter,
  type DomainEvent,
  type OutboxConsumer,
} from '@sanad/queue';
import { SubmissionEffects } from './submission-effects.service';
import { SubmissionFiles } from './submission-files';
import { SubmissionsRepository } from './submissions.repository';

/**
 * Makes an accepted submission's person and conversation (`form.received`), in the consumer's
 * transaction: they commit together with the receipt, or the event is delivered again. A
 * submission already done (a redelivery) or held as spam meanwhile is left alone.
 */
@Injectable()
export class SubmissionProcessor implements OutboxConsumer<'form.received'>, OnModuleInit {
  readonly name = 'form-submissions';
  readonly types = ['form.received'] as const;
  // Its own queue: submissions never wait behind inbound email or imports.
  readonly dispatchQueue = { name: 'forms.process' as const, concurrency: 4 };

  constructor(
    private readonly repo: SubmissionsRepository,
    private readonly effects: SubmissionEffects,
    private readonly files: SubmissionFiles,
    private readonly outbox: OutboxWriter,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register(this);
  }

  async handle(event: DomainEvent<'form.received'>): Promise<void> {
    const { workspaceId, submissionId } = event.payload;
    const record = await this.repo.find(workspaceId, submissionId, true);
    if (!record || record.state === 'spam' || record.contactId || record.conversationId) return;
    const files = await this.files.bytes(record);
    await this.outbox.holding(() => this.effects.accept({ ...record, files }));
  }
}
