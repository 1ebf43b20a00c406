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
import type { PublicFormView, SubmissionReceipt } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import {
  EMBED_SCRIPT,
  FORM_FONT_DIR,
  FORM_FONT_FILES,
  FRAME_SCRIPT,
  FormIntakeService,
  ProofOfWork,
  RENDER_TOKEN_FIELD,
  honeypotName,
  renderToken,
} from '@sanad/forms';
import { dirname, join } from 'node:path';
import type { Request, Response } from 'express';
import { ClientIp } from '../http/client-ip';
import { allowOrigin, originAllowed } from '../http/form-origins';
import { formPostReader } from '../http/form-post';
import { submissionFromJson, submissionFromPost } from '../http/form-submission-input';
import { ApiErrors } from '../openapi/api-errors.decorator';

/** The widget's browser build, with its translations (Arabic among them). */
const ALTCHA_WIDGET = join(dirname(require.resolve('altcha')), 'altcha.i18n.umd.min.cjs');

/** Where a custom HTML form may name the page to come back to. */
const RETURN_FIELD = '_sanad_return';

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
    private readonly pow: ProofOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.readPost = formPostReader(config.formMaxRequestMb);
  }

  /** The embed snippet's script: one `<script data-sanad-form>` becomes an auto-height iframe. */
  @ApiExcludeEndpoint()
  @Get('embed.js')
  embedScript(@Res() response: Response): void {
    script(response, EMBED_SCRIPT);
  }

  /** Loaded by the page inside the iframe: reports its height to the embed. */
  @ApiExcludeEndpoint()
  @Get('frame.js')
  frameScript(@Res() response: Response): void {
    script(response, FRAME_SCRIPT);
  }

  /** The proof-of-work widget (ALTCHA, with its translations), for forms that ask for it. */
  @ApiExcludeEndpoint()
  @Get('altcha.js')
  altchaScript(@Res() response: Response): void {
    response.setHeader('Cache-Control', 'public, max-age=86400');
    response.type('application/javascript').sendFile(ALTCHA_WIDGET);
  }

  /** The form pages' webfont (an allow-list of files: nothing else is read from disk). */
  @ApiExcludeEndpoint()
  @Get('fonts/:file')
  font(@Param('file') file: string, @Res() response: Response): void {
    if (!FORM_FONT_FILES.includes(file)) throw new DomainError('form/not_found');
    response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    response.type('font/woff2').sendFile(join(FORM_FONT_DIR, file));
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

  /** A fresh proof-of-work challenge (signed, ten minutes) for the ALTCHA widget. */
  @ApiErrors('form/not_found')
  @Get(':key/challenge')
  async challenge(
    @Param('key') key: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const { form } = await this.intake.live(key);
    this.cors(request, response, form.version.definition.settings.allowedOrigins);
    response.setHeader('Cache-Control', 'no-store');
    return this.pow.create();
  }

  @ApiExcludeEndpoint()
  @Options([':key', ':key/token', ':key/challenge', ':key/submissions'])
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
    const live = await this.intake.live(key);
    this.cors(request, response, live.form.version.definition.settings.allowedOrigins);
    const post = await this.readPost(request, response);
    return this.intake.submit(
      post
        ? submissionFromPost(key, post, request, ip, this.config.appSecret)
        : submissionFromJson(key, body, request, ip),
      live,
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
    const live = await this.intake.live(key);
    const { form } = live;
    const { allowedOrigins } = form.version.definition.settings;
    let back: URL | null = null;
    try {
      const post = await this.readPost(request, response);
      if (!post) throw new DomainError('request/unsupported_media_type');
      back = returnUrl(
        (post.fields[RETURN_FIELD] as string | undefined) ?? request.headers.referer,
        allowedOrigins,
      );
      if (!originAllowed(request, allowedOrigins, this.config.publicUrl))
        throw new DomainError('form/origin_refused');
      const receipt = await this.intake.submit(
        submissionFromPost(key, post, request, ip, this.config.appSecret),
        live,
      );
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
}

function script(response: Response, source: string): void {
  response.setHeader('Cache-Control', 'public, max-age=300');
  response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  response.type('application/javascript').send(source);
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
