import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { ContactsService } from '@sanad/contacts';
import { RATING_CHANGE_DAYS, type Language, type RatingView } from '@sanad/contracts';
import { ConversationSatisfaction } from '@sanad/conversations';
import { DomainError } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { OutboxWriter } from '@sanad/queue';
import { checkRatingLink, type RatingLink } from '../links/rating-token.util';
import {
  RatingRequestsRepository,
  type RatingRequestRow,
} from '../requests/rating-requests.repository';
import type { RatingAnswers } from './rating-answers.util';
import { RatingsRepository } from './ratings.repository';

/** What a rating link leads to. `pending`: a valid link whose request has no rating yet. */
export type RatingPageState =
  | { kind: 'invalid' }
  | { kind: 'expired'; workspaceId: string; language: Language }
  | { kind: 'pending'; workspaceId: string; language: Language; link: RatingLink }
  | { kind: 'locked'; workspaceId: string; language: Language; rating: RatingView }
  | {
      kind: 'open';
      workspaceId: string;
      language: Language;
      rating: RatingView;
      link: RatingLink;
    };

const CHANGE_MS = RATING_CHANGE_DAYS * 24 * 60 * 60 * 1000;

/**
 * The public side of a rating: opening a star link records nothing (mail scanners open every
 * link of an email); the page it leads to records the link's star at once with a POST (so one
 * click counts) and then takes the four dimensions and a comment. A rating can be changed for
 * RATING_CHANGE_DAYS after it was first given. Forged links, expired ones and links whose
 * request is gone (or names another conversation) record nothing.
 */
@Injectable()
export class RatingsService {
  constructor(
    private readonly ratings: RatingsRepository,
    private readonly requests: RatingRequestsRepository,
    private readonly conversations: ConversationSatisfaction,
    private readonly contacts: ContactsService,
    private readonly outbox: OutboxWriter,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** POST /r/:token/star — the star of the link is the rating (created or, if changeable, changed). */
  click(token: string, now = new Date()): Promise<RatingPageState> {
    return this.tx.run(async () => {
      const found = await this.resolve(token, now);
      if ('kind' in found) return found;
      const { request, link } = found;
      const existing = await this.ratings.byRequest(request.id);
      if (!existing) {
        const created = await this.create(request, link.score, now);
        return open(request, created, link);
      }
      if (!changeable(existing, now)) return locked(request, existing);
      if (existing.score === link.score) return open(request, existing, link);
      const changed = await this.ratings.setScore(
        request.workspaceId,
        existing.id,
        link.score,
        now,
      );
      await this.announce('rating.updated', request, changed, true);
      return open(request, changed, link);
    });
  }

  /** The page's state without recording anything (the link opened, a reload, a failed post). */
  state(token: string, now = new Date()): Promise<RatingPageState> {
    return this.tx.run(async () => {
      const found = await this.resolve(token, now);
      if ('kind' in found) return found;
      const existing = await this.ratings.byRequest(found.request.id);
      if (!existing)
        return {
          kind: 'pending',
          workspaceId: found.request.workspaceId,
          language: found.request.language,
          link: found.link,
        };
      return changeable(existing, now)
        ? open(found.request, existing, found.link)
        : locked(found.request, existing);
    });
  }

  /** POST /r/:token — the answers replace what the rating had (while it can be changed). */
  save(token: string, answers: RatingAnswers, now = new Date()): Promise<RatingPageState> {
    return this.tx.run(async () => {
      const found = await this.resolve(token, now);
      if ('kind' in found) return found;
      const { request, link } = found;
      const existing =
        (await this.ratings.byRequest(request.id)) ??
        (await this.create(request, answers.score, now));
      if (!changeable(existing, now)) return locked(request, existing);
      const saved = await this.ratings.setAnswers(request.workspaceId, existing.id, answers, now);
      await this.announce('rating.updated', request, saved, true);
      return open(request, saved, link);
    });
  }

  view(workspaceId: string, id: string): Promise<RatingView | null> {
    return this.ratings.view(workspaceId, id);
  }

  private async resolve(
    token: string,
    now: Date,
  ): Promise<{ request: RatingRequestRow; link: RatingLink } | RatingPageState> {
    const check = checkRatingLink(this.config.appSecret, token, now);
    if (!check.valid && check.reason === 'forged') return { kind: 'invalid' };
    // An expired link still names its request (the signature held): its page wears the brand.
    const requestId = check.valid ? check.link.requestId : expiredRequestId(token);
    const request = requestId ? await this.requests.find(requestId) : null;
    if (!request || request.status !== 'sent') return { kind: 'invalid' };
    if (!check.valid)
      return { kind: 'expired', workspaceId: request.workspaceId, language: request.language };
    if (request.conversationId !== check.link.conversationId) return { kind: 'invalid' };
    return { request, link: check.link };
  }

  /** The rating, attributed to the conversation as it is now, with its timeline entry and event. */
  private async create(request: RatingRequestRow, score: number, now: Date): Promise<RatingView> {
    const ws = request.workspaceId;
    const facts = await this.conversations.facts(ws, request.conversationId);
    if (!facts) throw new DomainError('rating/link_invalid');
    const [contact] = facts.contactId ? await this.contacts.findMany(ws, [facts.contactId]) : [];
    const created = await this.ratings.insert(
      {
        workspaceId: ws,
        requestId: request.id,
        conversationId: request.conversationId,
        conversationNumber: facts.number,
        contactId: facts.contactId,
        agentId: facts.assigneeId,
        teamId: facts.teamId,
        mailboxId: facts.mailboxId,
        channel: facts.channel,
        tagIds: facts.tagIds,
        categoryId: contact?.categoryId ?? null,
      },
      score,
      now,
    );
    // Two clicks at once: the row lock of the other one's insert made this one wait; read it.
    const rating = created ?? (await this.ratings.byRequest(request.id));
    if (!rating) throw new Error(`rating of request ${request.id} vanished`);
    if (created) await this.announce('rating.created', request, rating, false);
    return rating;
  }

  private async announce(
    type: 'rating.created' | 'rating.updated',
    request: RatingRequestRow,
    rating: RatingView,
    changed: boolean,
  ): Promise<void> {
    await this.conversations.recordRating(request.workspaceId, request.conversationId, {
      action: 'rating',
      ratingId: rating.id,
      changed,
      score: rating.score,
      ...rating.dimensions,
      comment: rating.comment,
    });
    await this.outbox.write({
      workspaceId: request.workspaceId,
      type,
      payload: {
        ratingId: rating.id,
        conversationId: rating.conversationId,
        mailboxId: rating.mailboxId,
      },
    });
  }
}

function changeable(rating: RatingView, now: Date): boolean {
  return now.getTime() - new Date(rating.firstRatedAt).getTime() <= CHANGE_MS;
}

function open(request: RatingRequestRow, rating: RatingView, link: RatingLink): RatingPageState {
  return {
    kind: 'open',
    workspaceId: request.workspaceId,
    language: request.language,
    rating,
    link,
  };
}

function locked(request: RatingRequestRow, rating: RatingView): RatingPageState {
  return { kind: 'locked', workspaceId: request.workspaceId, language: request.language, rating };
}

/** The request id of a token whose signature held but whose time ran out. */
function expiredRequestId(token: string): string | null {
  const hex = token.split('.')[1] ?? '';
  return /^[0-9a-f]{32}$/.test(hex)
    ? `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
    : null;
}
