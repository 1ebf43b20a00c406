import type { ActiveMember, MemberDirectory } from '@sanad/accounts';
import { DomainError } from '@sanad/core';
import type { OutboxWriter } from '@sanad/queue';
import { aConversation, aMessage, aPrincipal, inlineTransactions, mockOf } from '@sanad/testing';
import type { ConversationAccess } from '../conversation/conversation-access.service';
import type { ConversationViews } from '../conversation/conversation-views.service';
import type { ConversationWriter } from '../conversation/conversation-writer.service';
import type { ConversationRepository } from '../conversation/conversation.repository';
import type { IntakeService } from '../intake/intake.service';
import type { OutboundChannels } from '../intake/outbound-channels';
import type { ThreadRepository } from './thread.repository';
import { ThreadService } from './thread.service';

function setup() {
  const repo = mockOf<ConversationRepository>();
  const threads = mockOf<ThreadRepository>();
  const access = mockOf<ConversationAccess>();
  const writer = mockOf<ConversationWriter>();
  writer.activity.mockResolvedValue([]);
  const views = mockOf<ConversationViews>();
  const members = mockOf<MemberDirectory>();
  const outbound = mockOf<OutboundChannels>();
  const outbox = mockOf<OutboxWriter>();
  const principal = aPrincipal();
  const conversation = aConversation({ status: 'pending' });
  access.lock.mockResolvedValue(conversation);
  writer.writeMessage.mockImplementation(async (_p, c, author, body) =>
    aMessage({ conversationId: c.id, ...author, bodyText: body.text ?? '' }),
  );
  views.message.mockImplementation(async (_ws, m) => ({ id: m.id }) as never);
  views.messages.mockResolvedValue([]);
  const service = new ThreadService(
    repo,
    threads,
    access,
    writer,
    views,
    members,
    outbound,
    mockOf<IntakeService>(),
    outbox,
    inlineTransactions(),
  );
  return {
    service,
    repo,
    threads,
    access,
    writer,
    views,
    members,
    outbox,
    principal,
    conversation,
  };
}

const member = (id: string, mailboxScope: string[] | null = null): ActiveMember => ({
  id,
  name: `agent ${id}`,
  role: 'agent',
  mailboxScope,
});

describe('ThreadService', () => {
  describe('reply guard', () => {
    it('refuses a reply when someone else wrote after the last message the agent saw', async () => {
      const t = setup();
      const seen = aMessage({ conversationId: t.conversation.id });
      const newer = aMessage({ conversationId: t.conversation.id, bodyText: 'جديد' });
      t.repo.findMessage.mockResolvedValue(seen);
      t.threads.newerPublicMessages.mockResolvedValue([newer]);
      t.views.messages.mockResolvedValue([{ id: newer.id } as never]);
      const refused = t.service.reply(t.principal, t.conversation.id, {
        text: 'ردي',
        lastSeenMessageId: seen.id,
      });
      await expect(refused).rejects.toMatchObject({
        code: 'conversation/stale_reply',
        extra: { messages: [{ id: newer.id }] },
      });
      expect(t.writer.writeMessage).not.toHaveBeenCalled();
      expect(t.writer.publish).not.toHaveBeenCalled();
    });

    it('sends anyway with force, and without newer messages', async () => {
      for (const dto of [
        { text: 'ردي', lastSeenMessageId: 'x', force: true },
        { text: 'ردي', lastSeenMessageId: 'y' },
      ]) {
        const t = setup();
        t.repo.findMessage.mockResolvedValue(aMessage());
        t.threads.newerPublicMessages.mockResolvedValue([]);
        await t.service.reply(t.principal, t.conversation.id, dto);
        expect(t.writer.writeMessage).toHaveBeenCalledTimes(1);
      }
    });

    it('answers an unknown last-seen message as a field error', async () => {
      const t = setup();
      t.repo.findMessage.mockResolvedValue(null);
      await expect(
        t.service.reply(t.principal, t.conversation.id, { text: 'x', lastSeenMessageId: 'gone' }),
      ).rejects.toMatchObject({
        code: 'message/not_found',
        fieldErrors: [{ field: 'lastSeenMessageId', code: 'unknownMessage' }],
      });
    });
  });

  it('a reply answers the conversation, leaves by its channel and is published', async () => {
    const t = setup();
    await t.service.reply(t.principal, t.conversation.id, { text: 'تم', status: 'closed' });
    expect(t.conversation).toMatchObject({ lastPublicFrom: 'user', status: 'closed' });
    expect(t.writer.queueOutbound).toHaveBeenCalledWith(t.conversation, expect.anything(), false);
    expect(t.repo.save).toHaveBeenCalledWith(t.conversation);
    expect(t.writer.activity).toHaveBeenCalledWith(t.principal, t.conversation, {
      action: 'status',
      from: 'pending',
      to: 'closed',
    });
    expect(t.writer.publish).toHaveBeenCalledWith(t.conversation, 'conversation.updated', [
      expect.objectContaining({ kind: 'reply', authorUserId: t.principal.userId }),
    ]);
  });

  it('a customer message by API reopens the conversation', async () => {
    const t = setup();
    await t.service.customerMessage(t.principal, t.conversation.id, { text: 'ما زلت أنتظر' });
    expect(t.conversation).toMatchObject({ status: 'open', lastPublicFrom: 'contact' });
    expect(t.writer.activity).toHaveBeenCalledWith(null, t.conversation, {
      action: 'status',
      from: 'pending',
      to: 'open',
    });
  });

  describe('mentions', () => {
    it('mentioned members follow and are told, the author is not told', async () => {
      const t = setup();
      const other = 'b0000000-0000-4000-8000-000000000002';
      t.members.active.mockResolvedValue([member(other), member(t.principal.userId)]);
      await t.service.note(t.principal, t.conversation.id, {
        text: '@سارة انظري',
        mentions: [other, t.principal.userId, other],
      });
      expect(t.writer.writeMessage).toHaveBeenCalledWith(
        t.principal,
        t.conversation,
        expect.objectContaining({ kind: 'note', data: { mentions: [other, t.principal.userId] } }),
        expect.anything(),
      );
      expect(t.repo.follow).toHaveBeenCalledTimes(2);
      expect(t.outbox.writeAll).toHaveBeenCalledWith([
        expect.objectContaining({
          type: 'mention.created',
          payload: expect.objectContaining({ userId: other, byUserId: t.principal.userId }),
        }),
      ]);
    });

    it.each([
      ['inactive or unknown', []],
      ['not allowed in the mailbox', [member('m1', ['another-mailbox'])]],
    ])('refuses a member who is %s', async (_name, active) => {
      const t = setup();
      t.members.active.mockResolvedValue(active);
      const note = t.service.note(t.principal, t.conversation.id, { text: 'x', mentions: ['m1'] });
      await expect(note).rejects.toBeInstanceOf(DomainError);
      await expect(note).rejects.toMatchObject({
        fieldErrors: [{ field: 'mentions.0', code: 'unknownMention' }],
      });
      expect(t.writer.writeMessage).not.toHaveBeenCalled();
    });
  });
});
