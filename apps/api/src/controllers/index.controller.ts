import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@sanad/auth';

/** GET /api/v1: what this API is and where its description lives. */
@ApiTags('health')
@Public()
@Controller()
export class IndexController {
  @Get()
  index(): { name: string; version: string; links: Record<string, string> } {
    return {
      name: 'Sanad API',
      version: '1',
      links: {
        docs: '/api/docs',
        openapi: '/api/docs-json',
        health: '/health',
        ready: '/ready',
      },
    };
  }
}
