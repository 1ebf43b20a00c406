import { Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@sanad/auth';
import { PublicThemeService } from '@sanad/branding';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { formLanguage, type Language } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import {
  CHALLENGE_FIELD,
  FormIntakeService,
  escapeHtml,
  fieldErrorMessages,
  formPageFonts,
  honeypotName,
  renderFormMessagePage,
  renderFormPage,
  renderToken,
  type LiveFormContext,
} from '@sanad/forms';
import type { Request, Response } from 'express';
import { ClientIp } from '../http/client-ip';
import { errorMessage } from '../http/error-catalog';
import { sendFormPage } from '../http/form-page-headers';
import { formPostReader } from '../http/form-post';
import { languageOf, submissionFromPost } from '../http/form-submission-input';

type PageQuery = Record<string, string | string[] | undefined>;

const FONTS = formPageFonts('/public/forms/fonts');

/**
 * The hosted form page at /f/:key (and the embed's iframe with `?embed=1`): server-rendered,
 * working without JavaScript. A post comes back here: errors re-render the page with the answers
 * kept (422), success goes on to the thank-you page or the form's redirect (303).
 */
@ApiExcludeController()
@Public()
@Controller('f')
export class HostedFormController {
  private readonly readPost: ReturnType<typeof formPostReader>;

  constructor(
    private readonly intake: FormIntakeService,
    private readonly themes: PublicThemeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.readPost = formPostReader(config.formMaxRequestMb);
  }

  @Get(':key')
  async page(
    @Param('key') key: string,
    @Query() query: PageQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const live = await this.intake.live(key);
    const language = formLanguage(live.view.languages, languageOf(one(query.lang), request));
    if (live.view.state === 'closed')
      return this.message(response, live, language, query, 'closed');
    await this.form(response, 200, live, language, query, {
      values: {},
      errors: [],
      formError: null,
    });
  }

  @Post(':key')
  async submit(
    @Param('key') key: string,
    @Query() query: PageQuery,
    @ClientIp() ip: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const live = await this.intake.live(key);
    let language = formLanguage(live.view.languages, languageOf(one(query.lang), request));
    let values: Record<string, unknown> = {};
    try {
      const post = await this.readPost(request, response);
      if (!post) throw new DomainError('request/unsupported_media_type');
      const input = submissionFromPost(key, post, request, ip, this.config.appSecret);
      language = formLanguage(live.view.languages, input.language);
      values = input.answers;
      const receipt = await this.intake.submit(input, live);
      const embed = one(query.embed) === '1';
      if (receipt.redirectUrl && !embed) return response.redirect(303, receipt.redirectUrl);
      const next = new URLSearchParams({ lang: language, ...(embed ? { embed: '1' } : {}) });
      response.redirect(303, `/f/${live.form.key}/thanks?${next.toString()}`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'form/closed')
        return this.message(response, live, language, query, 'closed', 410);
      const status = error.code === 'request/validation' ? 422 : statusOf(error);
      if (error.params.retryAfter !== undefined)
        response.setHeader('Retry-After', String(error.params.retryAfter));
      await this.form(response, status, live, language, query, {
        values,
        errors: fieldErrorMessages(error.fieldErrors, language),
        formError:
          error.code === 'request/validation'
            ? null
            : errorMessage(error.code, language, error.params),
      });
    }
  }

  @Get(':key/thanks')
  async thanks(
    @Param('key') key: string,
    @Query() query: PageQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const live = await this.intake.live(key);
    const language = formLanguage(live.view.languages, languageOf(one(query.lang), request));
    await this.message(response, live, language, query, 'thank_you');
  }

  private async form(
    response: Response,
    status: number,
    live: LiveFormContext,
    language: Language,
    query: PageQuery,
    state: {
      values: Record<string, unknown>;
      errors: Array<{ field: string; message: string }>;
      formError: string | null;
    },
  ): Promise<void> {
    const { form, view } = live;
    const embed = one(query.embed) === '1';
    const hidden: Record<string, string> = {};
    for (const field of view.fields) {
      const value = one(query[field.key]);
      if (field.type === 'hidden' && value !== undefined) hidden[field.key] = value.slice(0, 2000);
    }
    const params = new URLSearchParams({ lang: language });
    if (embed) params.set('embed', '1');
    const page = one(query.page);
    if (page) params.set('page', page.slice(0, 2000));
    const theme = await this.themes.byWorkspace(form.workspaceId);
    sendFormPage(
      response,
      status,
      (nonce) =>
        renderFormPage({
          form: view,
          language,
          theme,
          nonce,
          embed,
          fonts: FONTS,
          languageSwitch: this.languageSwitch(live, query),
          action: `/f/${form.key}?${params.toString()}`,
          token: renderToken(this.config.appSecret, form.key),
          pageUrl: one(query.page) ?? null,
          honeypotName: honeypotName(this.config.appSecret, form.key),
          hidden,
          challenge: view.challenge
            ? {
                script: '/public/forms/altcha.js',
                markup: `<altcha-widget challenge="/public/forms/${escapeHtml(form.key)}/challenge" name="${CHALLENGE_FIELD}" language="${language}" auto="onsubmit"></altcha-widget>`,
              }
            : null,
          ...state,
        }),
      {
        embed,
        allowedOrigins: form.version.definition.settings.allowedOrigins,
        redirectUrl: view.redirectUrl,
        challenge: view.challenge,
      },
    );
  }

  private async message(
    response: Response,
    live: LiveFormContext,
    language: Language,
    query: PageQuery,
    kind: 'thank_you' | 'closed',
    status = 200,
  ): Promise<void> {
    const embed = one(query.embed) === '1';
    const theme = await this.themes.byWorkspace(live.form.workspaceId);
    sendFormPage(
      response,
      status,
      (nonce) =>
        renderFormMessagePage({
          form: live.view,
          language,
          theme,
          nonce,
          embed,
          fonts: FONTS,
          kind,
          languageSwitch: this.languageSwitch(live, query),
          redirectUrl: embed ? live.view.redirectUrl : null,
        }),
      {
        embed,
        allowedOrigins: live.form.version.definition.settings.allowedOrigins,
        redirectUrl: live.view.redirectUrl,
      },
    );
  }

  /** Both languages' URLs of this page when the form has both. */
  private languageSwitch(
    live: LiveFormContext,
    query: PageQuery,
  ): { ar: string; en: string } | null {
    if (live.view.languages !== 'both') return null;
    const url = (lang: Language) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) {
        const value = one(v);
        if (value !== undefined && k !== 'lang') params.set(k, value);
      }
      params.set('lang', lang);
      return `/f/${live.form.key}?${params.toString()}`;
    };
    return { ar: url('ar'), en: url('en') };
  }
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function statusOf(error: DomainError): number {
  switch (error.code) {
    case 'form/rate_limited':
      return 429;
    case 'form/too_large':
    case 'request/too_large':
      return 413;
    case 'form/limit_reached':
      return 410;
    default:
      return 400;
  }
}
