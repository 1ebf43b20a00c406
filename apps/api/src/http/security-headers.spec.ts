import express from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { securityHeaders } from './security-headers';

const options = { contentSecurityPolicy: { directives: { defaultSrc: ["'self'"] } }, hsts: true };

function appWith(middleware: express.RequestHandler): express.Express {
  const app = express();
  app.use(middleware);
  app.get('/', (_request, response) => response.json({ ok: true }));
  return app;
}

describe('securityHeaders', () => {
  it('sets exactly the headers helmet sets per request', async () => {
    const once = await request(appWith(securityHeaders(options))).get('/');
    const each = await request(appWith(helmet(options))).get('/');
    const pick = (headers: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(headers).filter(([name]) => name !== 'date' && name !== 'etag'),
      );
    expect(pick(once.headers)).toEqual(pick(each.headers));
    expect(once.headers['content-security-policy']).toContain("default-src 'self'");
    expect(once.headers['x-powered-by']).toBeUndefined();
  });
});
