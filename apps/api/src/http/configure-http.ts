import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@sanad/config';
import cookieParser from 'cookie-parser';
import { WEBHOOK_COMPONENT_SCHEMAS, webhookDocs } from '@sanad/webhooks';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createOpenApiDocument } from '../openapi/openapi-document';
import { RedisIoAdapter } from '../realtime/redis-io.adapter';
import { installBodyParsing } from './body-parsing';
import { ProblemFilter } from './problem.filter';
import { securityHeaders } from './security-headers';
import { createValidationPipe } from './validation.pipe';

const NOT_SPA = /^\/(api|socket\.io|health|ready|public|f|r|n)(\/|$)/;

/** Everything HTTP-wide: security headers, body limits, errors, validation, docs, the SPA. */
export function configureHttp(app: INestApplication, config: AppConfig): void {
  const server = app.getHttpAdapter().getInstance() as Express;
  server.disable('x-powered-by');
  // No ETag: the SPA and integrators never send If-None-Match, and hashing every body costs.
  server.set('etag', false);
  server.set('trust proxy', config.trustProxy ?? false);
  app.use(
    securityHeaders({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          frameAncestors: ["'self'"],
          objectSrc: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      hsts: config.publicUrl.startsWith('https:'),
    }),
  );
  app.use(cookieParser());
  installBodyParsing(server, config.maxBodyKb);
  // Customers' URLs stay short: the hosted form page, the forms' public endpoints, the rating page.
  app.setGlobalPrefix('api/v1', {
    exclude: ['health', 'ready', 'public/forms/{*rest}', 'f/{*rest}', 'r/{*rest}', 'n/{*rest}'],
  });
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(createValidationPipe());
  if (config.redisUrl) app.useWebSocketAdapter(new RedisIoAdapter(app, config.redisUrl));

  const document = createOpenApiDocument(app);
  // What endpoints receive (OpenAPI 3.0 has no `webhooks` key: the vendor extension carries it).
  Object.assign(document, { 'x-webhooks': webhookDocs() });
  Object.assign((document.components ??= {}), {
    schemas: { ...document.components.schemas, ...WEBHOOK_COMPONENT_SCHEMAS },
  });
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  serveSpa(server, config.webDistDir);
}

/** The built SPA at / with history-mode fallback; API and socket paths are never swallowed. */
function serveSpa(server: Express, distDir: string): void {
  const index = join(distDir, 'index.html');
  const assets = express.static(distDir, { index: false, maxAge: '1h' });
  // API calls skip the file lookup: a stat per request adds up under load.
  server.use((request: Request, response: Response, next: NextFunction) =>
    NOT_SPA.test(request.path) ? next() : assets(request, response, next),
  );
  server.get(/.*/, (request: Request, response: Response, next: NextFunction) => {
    if (NOT_SPA.test(request.path)) return next();
    if (!existsSync(index)) {
      response.status(503).type('text/plain').send('The web app is not built. Run: npm run build');
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}
