import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Options,
  Param,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import { Public } from '@sanad/auth';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import type { Language, PublicFormView, SubmissionReceipt } from '@sanad/contracts';
import { DomainError, languageFromAcceptLanguage } from '@sanad/core';
import {
  FormIntakeService,
  RENDER_TOKEN_FIELD,
  honeypotName,
  renderToken,
  type IncomingSubmission,
} from '@sanad/forms';
import type { Request, Response } from 'express';
import { ClientIp } from '../http/client-ip';
import { allowOrigin, originAllowed } from '../http/form-origins';
import { formPostReader, type FormPost } from '../http/form-post';
import { ApiErrors } from '../openapi/api-errors.decorator';

/** Names the endpoints read besides the answers. */
const CONTROL = { language: '_sanad_lang', page: '_sanad_page', returnTo: '_sanad_return' };

/**
 * A published form's public endpoints, for browsers on the form's allowed origins and for
 * servers: the live form, a render token, and submissions as JSON or multipart (201 with a
 * receipt, problem+json with `fields` otherwise). Same checks as the hosted page.
 */
@ApiTags('public')
@Public()
@Controller('public/forms')
export class PublicFormsController {
  private readonly readPost: ReturnType<typeof formPostReader>;

  constructor(
    private readonly intake: FormIntakeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.readPost = formPostReader(config.formMaxRequestMb);
  }

  @ApiErrors('form/not_found')
  @Get(':key')
  async form(
    @Param('key') key: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PublicFormView> {
    const { form, view } = await this.intake.live(key);
    this.cors(request, response, form.version.definition.settings.allowedOrigins);
    return view;
  }

  /** For custom HTML or a script: the render token (minimum fill time) and the honeypot's name. */
  @ApiErrors('form/not_found')
  @Get(':key/token')
  async token(
    @Param('key') key: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ token: string; field: string; honeypot: string }> {
    const { form } = await this.intake.live(key);
    this.cors(request, response, form.version.definition.settings.allowedOrigins);
    response.setHeader('Cache-Control', 'no-store');
    return {
      token: renderToken(this.config.appSecret, form.key),
      field: RENDER_TOKEN_FIELD,
      honeypot: honeypotName(this.config.appSecret, form.key),
    };
  }

  @ApiExcludeEndpoint()
  @Options([':key', ':key/token', ':key/submissions'])
  async preflight(
    @Param('key') key: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { form } = await this.intake.live(key);
    this.cors(request, response, form.version.definition.settings.allowedOrigins);
    response.status(204).end();
  }

  @ApiErrors(
    'form/not_found',
    'form/closed',
    'form/limit_reached',
    'form/rate_limited',
    'form/origin_refused',
    'form/too_large',
  )
  @Post(':key/submissions')
  @HttpCode(201)
  async submit(
    @Param('key') key: string,
    @Body() body: unknown,
    @ClientIp() ip: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubmissionReceipt> {
    const { form } = await this.intake.live(key);
    this.cors(request, response, form.version.definition.settings.allowedOrigins);
    const post = await this.readPost(request, response);
    return this.intake.submit(
      post ? this.fromPost(key, post, request, ip) : this.fromJson(key, body, request, ip),
    );
  }

  /**
   * A plain HTML `<form method="post">` on the customer's own site: the browser comes back to
   * the page it came from (`_sanad_return`, else the Referer, on an allowed origin) with
   * `sanad_form=sent`, or `sanad_form=error&sanad_errors=field:code,...`; to the form's redirect
   * or the hosted thank-you page when there is no page to go back to.
   */
  @ApiErrors('form/not_found')
  @Post(':key/submit')
  async submitHtml(
    @Param('key') key: string,
    @ClientIp() ip: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { form } = await this.intake.live(key);
    const { allowedOrigins } = form.version.definition.settings;
    let back: URL | null = null;
    try {
      const post = await this.readPost(request, response);
      if (!post) throw new DomainError('request/unsupported_media_type');
      back = returnUrl(
        (post.fields[CONTROL.returnTo] as string | undefined) ?? request.headers.referer,
        allowedOrigins,
      );
      if (!originAllowed(request, allowedOrigins, this.config.publicUrl))
        throw new DomainError('form/origin_refused');
      const receipt = await this.intake.submit(this.fromPost(key, post, request, ip));
      if (receipt.redirectUrl) return response.redirect(303, receipt.redirectUrl);
      if (back) {
        back.searchParams.set('sanad_form', 'sent');
        return response.redirect(303, back.toString());
      }
      return response.redirect(303, `/f/${form.key}/thanks?submission=${receipt.id}`);
    } catch (error) {
      if (!(error instanceof DomainError) || !back) throw error;
      back.searchParams.set('sanad_form', 'error');
      back.searchParams.set('sanad_error', error.code);
      if (error.fieldErrors.length > 0)
        back.searchParams.set(
          'sanad_errors',
          error.fieldErrors.map((f) => `${f.field}:${f.code}`).join(','),
        );
      return response.redirect(303, back.toString());
    }
  }

  private cors(request: Request, response: Response, allowed: readonly string[]): void {
    if (!originAllowed(request, allowed, this.config.publicUrl))
      throw new DomainError('form/origin_refused');
    allowOrigin(request, response);
  }

  /** `{ values, language?, pageUrl?, token? }`: values by field key. */
  private fromJson(key: string, body: unknown, request: Request, ip: string): IncomingSubmission {
    const json = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const values = json.values;
    if (!values || typeof values !== 'object' || Array.isArray(values))
      throw new DomainError('request/validation', {}, [{ field: 'values', code: 'isObject' }]);
    const unknown = Object.keys(json).filter(
      (k) => !['values', 'language', 'pageUrl', 'token'].includes(k),
    );
    if (unknown.length > 0)
      throw new DomainError(
        'request/validation',
        {},
        unknown.map((field) => ({ field, code: 'whitelistValidation' })),
      );
    return {
      key,
      answers: values as Record<string, unknown>,
      files: [],
      language: languageOf(json.language, request),
      pageUrl: typeof json.pageUrl === 'string' ? json.pageUrl : null,
      referrer: request.headers.referer ?? null,
      userAgent: request.headers['user-agent'] ?? null,
      ip,
      spam: { token: typeof json.token === 'string' ? json.token : null },
    };
  }

  fromPost(key: string, post: FormPost, request: Request, ip: string): IncomingSubmission {
    const honeypot = honeypotName(this.config.appSecret, key);
    const answers: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(post.fields))
      if (![RENDER_TOKEN_FIELD, honeypot, ...Object.values(CONTROL)].includes(name))
        answers[name] = value;
    const single = (name: string): string | null => {
      const value = post.fields[name];
      return typeof value === 'string' ? value : Array.isArray(value) ? (value[0] ?? null) : null;
    };
    return {
      key,
      answers,
      files: post.files,
      language: languageOf(single(CONTROL.language), request),
      pageUrl: single(CONTROL.page),
      referrer: request.headers.referer ?? null,
      userAgent: request.headers['user-agent'] ?? null,
      ip,
      spam: {
        honeypot: post.fields[honeypot] === undefined ? undefined : (single(honeypot) ?? ''),
        token: single(RENDER_TOKEN_FIELD),
      },
    };
  }
}

/** Where an HTML post may send the browser back: an http(s) page on an allowed origin. */
function returnUrl(value: string | undefined, allowed: readonly string[]): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (allowed.length > 0 && !allowed.includes(url.origin)) return null;
    return url;
  } catch {
    return null;
  }
}

function languageOf(value: unknown, request: Request): Language | null {
  if (value === 'ar' || value === 'en') return value;
  const header = request.headers['accept-language'];
  return header ? languageFromAcceptLanguage(header) : null;
}
