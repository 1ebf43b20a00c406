import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@sanad/auth';
import { PublicThemeService } from '@sanad/branding';
import { DEFAULT_BRAND, type Language, type PublicThemeView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { fieldErrorMessages, formPageFonts } from '@sanad/forms';
import {
  NpsAnswersService,
  npsQuestion,
  parseNpsAnswer,
  rawNpsAnswer,
  renderNpsForm,
  renderNpsMessage,
  type NpsFormInput,
  type NpsPageFrame,
  type NpsPageState,
  type RawNpsAnswer,
} from '@sanad/satisfaction';
import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { formPostReader } from '../http/form-post';
import { languageOf } from '../http/form-submission-input';

type PageQuery = Record<string, string | string[] | undefined>;

const FONTS = formPageFonts('/public/forms/fonts');

/**
 * The NPS page at /n/:token (the survey email's score links), server-rendered. GET records
 * nothing: it shows the link's score chosen and a comment box, and a tiny script (with this
 * response's nonce) posts the score at once, so a person clicks once while link scanners that
 * fetch every link record nothing; without JavaScript the customer presses "Send". The post
 * records or changes the answer (400 with the answers kept when a value is wrong) and goes on
 * to /n/:token/done. Forged, expired and cancelled links get a page saying so.
 */
@ApiExcludeController()
@Public()
@Controller('n')
export class NpsPageController {
  private readonly readPost = formPostReader(1);

  constructor(
    private readonly answers: NpsAnswersService,
    private readonly themes: PublicThemeService,
  ) {}

  @Get(':token')
  async open(
    @Param('token') token: string,
    @Query() query: PageQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.show(response, request, query, token, await this.answers.state(token), 'link');
  }

  /** After a post: the recorded answer, to add or change the comment (records nothing). */
  @Get(':token/done')
  async done(
    @Param('token') token: string,
    @Query() query: PageQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.show(response, request, query, token, await this.answers.state(token), 'done');
  }

  @Post(':token')
  async save(
    @Param('token') token: string,
    @Query() query: PageQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    let raw: RawNpsAnswer = {};
    try {
      const post = await this.readPost(request, response);
      if (!post) throw new DomainError('request/unsupported_media_type');
      raw = rawNpsAnswer(post.fields);
      const state = await this.answers.answer(token, parseNpsAnswer(raw));
      if (state.kind !== 'open') return this.show(response, request, query, token, state, 'done');
      const commented = state.response?.comment ? '&commented=1' : '';
      response.redirect(
        303,
        `/n/${encodeURIComponent(token)}/done?lang=${state.language}${commented}`,
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'request/validation') throw error;
      await this.show(response, request, query, token, await this.answers.state(token), 'done', {
        values: raw,
        errors: error.fieldErrors,
      });
    }
  }

  private async show(
    response: Response,
    request: Request,
    query: PageQuery,
    token: string,
    state: NpsPageState,
    view: 'link' | 'done',
    failed?: { values: RawNpsAnswer; errors: DomainError['fieldErrors'] },
  ): Promise<void> {
    const asked = one(query.lang);
    const language: Language =
      (asked === 'ar' || asked === 'en' ? asked : null) ??
      ('language' in state ? state.language : null) ??
      languageOf(undefined, request) ??
      'ar';
    const workspaceId = 'workspaceId' in state ? state.workspaceId : null;
    const theme = workspaceId ? await this.themes.byWorkspace(workspaceId) : neutralTheme(language);
    const base = `/n/${encodeURIComponent(token)}`;
    const path = view === 'done' ? `${base}/done` : base;
    const frame: NpsPageFrame = {
      language,
      theme,
      nonce: randomBytes(16).toString('base64'),
      fonts: FONTS,
      digits: workspaceId ? await this.answers.digitsOf(workspaceId) : 'latn',
      otherLanguageUrl:
        state.kind === 'invalid' ? null : `${path}?lang=${language === 'ar' ? 'en' : 'ar'}`,
    };
    switch (state.kind) {
      case 'invalid':
        return send(response, 404, frame, renderNpsMessage(frame, 'invalid'));
      case 'expired':
        return send(response, 410, frame, renderNpsMessage(frame, 'expired'));
      case 'cancelled':
        return send(response, 410, frame, renderNpsMessage(frame, 'cancelled'));
      case 'locked':
        return send(
          response,
          409,
          frame,
          renderNpsMessage(frame, 'locked', { score: state.score }),
        );
      case 'open': {
        const recorded = state.response;
        const template =
          language === 'ar' ? state.recipient.questionAr : state.recipient.questionEn;
        // A link of another score than the recorded one changes it (posted at once); the same
        // score, or the page after a post, shows what is recorded.
        const mode: NpsFormInput['mode'] = failed
          ? 'retry'
          : !recorded || (view === 'link' && recorded.score !== state.linkScore)
            ? 'chosen'
            : one(query.commented) && recorded?.comment
              ? 'commented'
              : 'recorded';
        const score = mode === 'chosen' ? state.linkScore : (recorded?.score ?? state.linkScore);
        return send(
          response,
          failed ? 400 : 200,
          frame,
          renderNpsForm({
            ...frame,
            action: `${base}?lang=${language}`,
            question: npsQuestion(template, theme.name),
            mode,
            values: failed?.values ?? { score: String(score), comment: recorded?.comment ?? '' },
            errors: failed ? fieldErrorMessages(failed.errors, language) : [],
          }),
        );
      }
    }
  }
}

/** The page's own policy: its nonce on the style block and the one script, posts only to us. */
function send(response: Response, status: number, frame: NpsPageFrame, html: string): void {
  response.setHeader(
    'Content-Security-Policy',
    [
      "default-src 'none'",
      `style-src 'nonce-${frame.nonce}'`,
      `script-src 'nonce-${frame.nonce}'`,
      "img-src 'self' data:",
      "font-src 'self'",
      "form-action 'self'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
  );
  // The token is in the URL: it goes nowhere in a Referer, and no cache keeps the page.
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Robots-Tag', 'noindex');
  response.status(status).type('html').send(html);
}

function neutralTheme(language: Language): PublicThemeView {
  return {
    name: language === 'ar' ? 'سند' : 'Sanad',
    slug: '',
    language,
    colours: DEFAULT_BRAND.colours,
    logoUrl: null,
    iconUrls: null,
  };
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
