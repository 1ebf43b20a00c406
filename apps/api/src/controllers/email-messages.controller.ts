import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal } from '@sanad/auth';
import type { MessageView } from '@sanad/contracts';
import { DomainError, isLanguage } from '@sanad/core';
import { ThreadService } from '@sanad/conversations';
import { emailDocument } from '@sanad/mail';
import { ApiErrors } from '../openapi/api-errors.decorator';

const conversationId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('conversation/not_found'),
});
const messageId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('message/not_found'),
});

/** What only email messages have: their HTML shown safely, and sending a failed reply again. */
@ApiTags('conversations')
@Controller('conversations/:id/messages/:messageId')
export class EmailMessagesController {
  constructor(private readonly thread: ThreadService) {}

  /**
   * The email's HTML as a document for a sandboxed frame: no scripts at all, images only from
   * here (inline parts) unless `images=1`, nothing else fetched.
   */
  @Get('email')
  @ApiQuery({ name: 'images', required: false, enum: ['0', '1'] })
  @ApiQuery({ name: 'lang', required: false, enum: ['ar', 'en'] })
  async email(
    @CurrentPrincipal() principal: Principal,
    @Param('id', conversationId) id: string,
    @Param('messageId', messageId) mid: string,
    @Query('images') images: string | undefined,
    @Query('lang') lang: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const { message, attachments } = await this.thread.visibleMessage(principal, id, mid);
    if (!message.bodyHtml) throw new DomainError('message/not_found');
    const inline = new Map(
      attachments
        .filter((a) => a.contentId && a.inlineSafe)
        .map((a) => [(a.contentId as string).toLowerCase(), `${a.url}?inline=1`]),
    );
    const remote = images === '1' ? ' https: http:' : '';
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader(
      'Content-Security-Policy',
      `sandbox allow-same-origin allow-popups allow-popups-to-escape-sandbox; default-src 'none'; img-src 'self' data:${remote}; style-src 'unsafe-inline'; font-src data:; frame-ancestors 'self'; base-uri 'self'; form-action 'none'`,
    );
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cache-Control', 'private, no-store');
    response.send(emailDocument(message.bodyHtml, inline, isLanguage(lang) ? lang : 'ar'));
  }

  /** Queues a reply whose email delivery failed once more. */
  @ApiErrors('message/not_retryable')
  @Post('retry')
  @HttpCode(200)
  retry(
    @CurrentPrincipal() principal: Principal,
    @Param('id', conversationId) id: string,
    @Param('messageId', messageId) mid: string,
  ): Promise<MessageView> {
    return this.thread.retryDelivery(principal, id, mid);
  }
}
