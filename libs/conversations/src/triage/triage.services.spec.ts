import type { ContactsService } from '@sanad/contacts';
import type { MemberDirectory } from '@sanad/accounts';
import { DomainError } from '@sanad/core';
import type { OutboxWriter } from '@sanad/queue';
import { aConversation, aMailbox, aPrincipal, inlineTransactions, mockOf } from '@sanad/testing';
import type { ConversationAccess } from '../conversation/conversation-access.service';
import type { ConversationViews } from '../conversation/conversation-views.service';
import type { ConversationWriter } from '../conversation/conversation-writer.service';
import type { ConversationRepository } from '../conversation/conversation.repository';
import type { Conversation } from '../entities/conversation.entity';
import type { MailboxesService } from '../mailboxes/mailboxes.service';
import type { TagsService } from '../tags/tags.service';
import type { TeamsService } from '../teams/teams.service';
import type { ThreadService } from '../thread/thread.service';
import { BulkService } from './bulk.service';
import { MergeService } from './merge.service';
import { SnoozeService } from './snooze.service';
import type { TriageRepository } from './triage.repository';
import { TriageService } from './triage.service';

function triageSetup(conversation: Conversation) {
  const deps = {
    repo: mockOf<ConversationRepository>(),
    triage: mockOf<TriageRepository>(),
    access: mockOf<ConversationAccess>(),
    writer: mockOf<ConversationWriter>(),
    views: mockOf<ConversationViews>(),
    mailboxes: mockOf<MailboxesService>(),
    teams: mockOf<TeamsService>(),
    tags: mockOf<TagsService>(),
    members: mockOf<MemberDirectory>(),
    contacts: mockOf<ContactsService>(),
  };
  deps.access.lock.mockResolvedValue(conversation);
  deps.writer.activity.mockResolvedValue([]);
  deps.tags.setForConversation.mockResolvedValue({ before: [], after: [] });
  const service = new TriageService(
    deps.repo,
    deps.triage,
    deps.access,
    deps.writer,
    deps.views,
    deps.mailboxes,
    deps.teams,
    deps.tags,
    deps.members,
    deps.contacts,
    inlineTransactions(),
  );
  return { service, ...deps };
}

describe('TriageService.update', () => {
  it('writes nothing when nothing changes', async () => {
    const c = aConversation({ priority: 'high' });
    const t = triageSetup(c);
    await t.service.update(aPrincipal(), c.id, { priority: 'high', status: 'open' });
    expect(t.repo.save).not.toHaveBeenCalled();
    expect(t.writer.publish).not.toHaveBeenCalled();
  });

  it('records each change in the timeline and publishes once', async () => {
    const c = aConversation();
    const t = triageSetup(c);
    t.members.canWorkIn.mockResolvedValue(true);
    t.tags.setForConversation.mockResolvedValue({ before: [], after: ['vip'] });
    const principal = aPrincipal();
    await t.service.update(principal, c.id, {
      status: 'closed',
      priority: 'urgent',
      assigneeId: principal.userId,
      tags: ['vip'],
    });
    expect(t.writer.activity).toHaveBeenCalledWith(
      principal,
      c,
      { action: 'status', from: 'open', to: 'closed' },
      { action: 'priority', from: 'normal', to: 'urgent' },
      { action: 'assignee', from: null, to: principal.userId },
      { action: 'tags', from: [], to: ['vip'] },
    );
    expect(t.writer.publish).toHaveBeenCalledTimes(1);
  });

  it('refuses an assignee who cannot work in the mailbox', async () => {
    const c = aConversation();
    const t = triageSetup(c);
    t.members.canWorkIn.mockResolvedValue(false);
    await expect(
      t.service.update(aPrincipal(), c.id, { assigneeId: 'someone' }),
    ).rejects.toMatchObject({
      code: 'conversation/assignee_invalid',
    });
    expect(t.repo.save).not.toHaveBeenCalled();
  });

  it('marks spam into المزعج and publishes with the mailbox it left', async () => {
    const c = aConversation();
    const t = triageSetup(c);
    const spam = aMailbox({ id: 'spam-box', kind: 'spam', slug: 'spam' });
    t.mailboxes.systemMailbox.mockResolvedValue(spam);
    const inbox = c.mailboxId;
    await t.service.update(aPrincipal(), c.id, { spam: true });
    expect(c.mailboxId).toBe('spam-box');
    expect(t.writer.publish).toHaveBeenCalledWith(c, 'conversation.updated', [], inbox);
  });
});

describe('MergeService', () => {
  function setup() {
    const deps = {
      repo: mockOf<ConversationRepository>(),
      triage: mockOf<TriageRepository>(),
      access: mockOf<ConversationAccess>(),
      writer: mockOf<ConversationWriter>(),
      thread: mockOf<ThreadService>(),
      outbox: mockOf<OutboxWriter>(),
    };
    deps.writer.activity.mockResolvedValue([]);
    const service = new MergeService(
      deps.repo,
      deps.triage,
      deps.access,
      deps.writer,
      deps.thread,
      deps.outbox,
      inlineTransactions(),
    );
    return { service, ...deps };
  }

  it('refuses to merge a conversation into itself', async () => {
    const t = setup();
    await expect(t.service.merge(aPrincipal(), 'a', 'a')).rejects.toMatchObject({
      code: 'conversation/merge_self',
    });
  });

  it('locks both in id order, moves everything over and deletes the source', async () => {
    const t = setup();
    const source = aConversation({
      id: 'ffffffff-0000-4000-8000-000000000000',
      number: 7,
      lastMessageAt: new Date('2026-12-01T00:00:00Z'),
    });
    const target = aConversation({
      id: '00000000-0000-4000-8000-00000000000f',
      lastMessageAt: new Date('2026-11-01T00:00:00Z'),
    });
    const byId = new Map([source, target].map((c) => [c.id, c]));
    t.access.lock.mockImplementation(async (_p, id) => byId.get(id) as Conversation);
    const principal = aPrincipal();
    await t.service.merge(principal, source.id, target.id);
    expect(t.access.lock.mock.calls.map((call) => call[1])).toEqual([target.id, source.id]);
    expect(t.triage.moveContents).toHaveBeenCalledWith(principal.workspaceId, source.id, target.id);
    expect(target.lastMessageAt).toEqual(source.lastMessageAt);
    expect(t.triage.delete).toHaveBeenCalledWith(principal.workspaceId, source.id);
    expect(t.writer.activity).toHaveBeenCalledWith(principal, target, { action: 'merge', from: 7 });
    expect(t.outbox.write).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'conversation.merged',
        payload: expect.objectContaining({ sourceId: source.id, targetId: target.id }),
      }),
    );
  });
});

describe('BulkService', () => {
  it('applies the change to each id and reports failures per id', async () => {
    const triage = mockOf<TriageService>();
    const access = mockOf<ConversationAccess>();
    const tags = mockOf<TagsService>();
    triage.update.mockImplementation(async (_p, id) => {
      if (id === 'gone') throw new DomainError('conversation/not_found');
      return {} as never;
    });
    access.visible.mockResolvedValue(aConversation());
    tags.namesOf.mockResolvedValue(['old', 'VIP']);
    const service = new BulkService(triage, access, tags);
    const result = await service.update(aPrincipal(), {
      ids: ['a', 'gone', 'a'],
      changes: { addTags: ['new'], removeTags: ['vip'] },
    });
    expect(result).toEqual({
      updated: ['a'],
      failed: [{ id: 'gone', code: 'conversation/not_found' }],
    });
    expect(triage.update).toHaveBeenCalledWith(expect.anything(), 'a', { tags: ['old', 'new'] });
  });

  it('does not swallow unexpected errors', async () => {
    const triage = mockOf<TriageService>();
    triage.update.mockRejectedValue(new Error('database down'));
    const service = new BulkService(triage, mockOf(), mockOf());
    await expect(
      service.update(aPrincipal(), { ids: ['a'], changes: { status: 'closed' } }),
    ).rejects.toThrow('database down');
  });
});

describe('SnoozeService', () => {
  it('wakes what is due, once, and skips what was woken or re-snoozed meanwhile', async () => {
    const repo = mockOf<ConversationRepository>();
    const triage = mockOf<TriageRepository>();
    const writer = mockOf<ConversationWriter>();
    writer.activity.mockResolvedValue([]);
    const now = new Date('2026-12-01T10:00:00Z');
    const due = aConversation({
      status: 'pending',
      snoozedUntil: new Date('2026-12-01T09:00:00Z'),
    });
    const later = aConversation({
      status: 'pending',
      snoozedUntil: new Date('2026-12-02T09:00:00Z'),
    });
    const woken = aConversation({ status: 'open', snoozedUntil: null });
    const rows = [due, later, woken];
    triage.dueSnoozed.mockResolvedValue(
      rows.map((c) => ({ workspaceId: c.workspaceId, id: c.id })),
    );
    repo.find.mockImplementation(async (_ws, id) => rows.find((c) => c.id === id) ?? null);
    const service = new SnoozeService(repo, triage, writer, inlineTransactions());
    expect(await service.wakeDue(now)).toBe(1);
    expect(due).toMatchObject({ status: 'open', snoozedUntil: null });
    expect(writer.activity).toHaveBeenCalledWith(
      null,
      due,
      { action: 'snooze_ended' },
      { action: 'status', from: 'pending', to: 'open' },
    );
    expect(writer.publish).toHaveBeenCalledTimes(1);
  });
});
