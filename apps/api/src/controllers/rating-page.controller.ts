import { Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@sanad/auth';
import { PublicThemeService } from '@sanad/branding';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { DEFAULT_BRAND, type Language, type PublicThemeView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { fieldErrorMessages, formPageFonts } from '@sanad/forms';
import {
  RatingsService,
  parseRatingAnswers,
  rawAnswers,
  renderRatingForm,
  renderRatingMessage,
  type RatingMessageKind,
  type RatingPageFrame,
  type RatingPageState,
  type RawAnswers,
} from '@sanad/satisfaction';
import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { formPostReader } from '../http/form-post';
import { languageOf } from '../http/form-submission-input';

type PageQuery = Record<string, string | string[] | undefined>;

const FONTS = formPageFonts('/public/forms/fonts');

/**
 * The rating page at /r/:token (the email's star links): server-rendered. GET records nothing —
 * mail scanners open every link of an email — and shows the link's star chosen, the four
 * dimensions and a comment; the page's one small script records the star at once (POST
 * :token/star), so one click counts, and without scripts "Send" records it. The post saves the
 * answers (400 with them kept when a value is wrong) and goes on to the thank-you page. Forged,
 * expired or mismatched links get a page saying so in the customer's language.
 */
@ApiExcludeController()
@Public()
@Controller('r')
export class RatingPageController {
  private readonly readPost = formPostReader(1);

  constructor(
    private readonly ratings: RatingsService,
    private readonly themes: PublicThemeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':token')
  async click(
    @Param('token') token: string,
    @Query() query: PageQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const state = await this.ratings.state(token).catch(invalidOnLinkError);
    await this.show(response, request, query, token, state, 'landing');
  }

  /** The landing page's script: the link's star is the rating. 204, or the state's status. */
  @Post(':token/star')
  async star(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const state = await this.ratings.click(token).catch(invalidOnLinkError);
    const status = { open: 204, pending: 204, locked: 409, expired: 410, invalid: 404 }[state.kind];
    response.setHeader('Cache-Control', 'no-store');
    response.status(status).end();
  }

  /** The form again, recording nothing (the thank-you page's "change my answers"). */
  @Get(':token/edit')
  async edit(
    @Param('token') token: string,
    @Query() query: PageQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const state = await this.ratings.state(token).catch(invalidOnLinkError);
    await this.show(response, request, query, token, state, 'form');
  }

  @Get(':token/thanks')
  async thanks(
    @Param('token') token: string,
    @Query() query: PageQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const state = await this.ratings.state(token).catch(invalidOnLinkError);
    await this.show(response, request, query, token, state, 'thanks');
  }

  @Post(':token')
  async save(
    @Param('token') token: string,
    @Query() query: PageQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    let raw: RawAnswers = {};
    try {
      const post = await this.readPost(request, response);
      if (!post) throw new DomainError('request/unsupported_media_type');
      raw = rawAnswers(post.fields);
      const state = await this.ratings.save(token, parseRatingAnswers(raw));
      if (state.kind !== 'open') return this.show(response, request, query, token, state, 'form');
      response.redirect(303, `/r/${encodeURIComponent(token)}/thanks?lang=${state.language}`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'request/validation') throw error;
      const state = await this.ratings.state(token).catch(invalidOnLinkError);
      await this.show(response, request, query, token, state, 'form', {
        status: 400,
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
    state: RatingPageState,
    view: 'landing' | 'form' | 'thanks',
    failed?: { status: number; values: RawAnswers; errors: DomainError['fieldErrors'] },
  ): Promise<void> {
    const asked = languageOf(one(query.lang), request);
    const language: Language =
      (one(query.lang) === 'ar' || one(query.lang) === 'en' ? asked : null) ??
      ('language' in state ? state.language : null) ??
      asked ??
      'ar';
    const theme =
      'workspaceId' in state
        ? await this.themes.byWorkspace(state.workspaceId)
        : neutralTheme(language);
    const base = `/r/${encodeURIComponent(token)}`;
    // The other language of a page that records nothing yet is the landing page again.
    const path =
      view === 'thanks' ? `${base}/thanks` : state.kind === 'pending' ? base : `${base}/edit`;
    const frame: RatingPageFrame = {
      language,
      theme,
      nonce: randomBytes(16).toString('base64'),
      fonts: FONTS,
      otherLanguageUrl:
        state.kind === 'invalid' ? null : `${path}?lang=${language === 'ar' ? 'en' : 'ar'}`,
    };
    const message = (kind: RatingMessageKind, status: number, options = {}) =>
      send(response, status, frame, renderRatingMessage(frame, kind, options));
    switch (state.kind) {
      case 'invalid':
        return message('invalid', 404);
      case 'expired':
        return message('expired', 410);
      case 'locked':
        return message('locked', 409, { score: state.rating.score });
      case 'open':
      case 'pending':
        if (view === 'thanks' && state.kind === 'open')
          return message('thanks', 200, {
            score: state.rating.score,
            editUrl: `${base}/edit?lang=${language}`,
          });
        return send(
          response,
          failed?.status ?? 200,
          frame,
          renderRatingForm({
            ...frame,
            action: `${base}?lang=${language}`,
            chosen: state.link.score,
            recorded: state.kind === 'open' ? state.rating.score : null,
            // Opening a star link (again) means that star: the page records it.
            starUrl: view === 'landing' && !failed ? `${base}/star` : null,
            values: failed?.values ?? valuesOf(state),
            errors: failed ? fieldErrorMessages(failed.errors, language) : [],
          }),
        );
    }
  }
}

/** The page's own policy: its nonce on the one style block and the one script, posts only to us. */
function send(response: Response, status: number, frame: RatingPageFrame, html: string): void {
  response.setHeader(
    'Content-Security-Policy',
    [
      "default-src 'none'",
      `style-src 'nonce-${frame.nonce}'`,
      `script-src 'nonce-${frame.nonce}'`,
      "connect-src 'self'",
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

function valuesOf(state: Extract<RatingPageState, { kind: 'open' | 'pending' }>): RawAnswers {
  if (state.kind === 'pending') return { score: String(state.link.score) };
  const { rating } = state;
  const values: RawAnswers = { score: String(rating.score), comment: rating.comment ?? '' };
  for (const [key, value] of Object.entries(rating.dimensions))
    if (value !== null) values[key as keyof typeof rating.dimensions] = String(value);
  return values;
}

/** A link the service cannot follow (its conversation is gone) is an invalid link. */
function invalidOnLinkError(error: unknown): RatingPageState {
  if (error instanceof DomainError && error.code === 'rating/link_invalid')
    return { kind: 'invalid' };
  throw error;
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
