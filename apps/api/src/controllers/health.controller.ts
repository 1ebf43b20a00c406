import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@sanad/auth';
import { Db } from '@sanad/database';
import { JobQueue } from '@sanad/queue';
import type { Response } from 'express';

/** Outside /api/v1: /health says the process is alive, /ready that its dependencies answer. */
@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly db: Db,
    private readonly queue: JobQueue,
  ) {}

  @Get('health')
  @HttpCode(200)
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ status: string; database: boolean; queue: boolean; queueDriver: string }> {
    const database = await this.db.ping();
    const queue = await this.queue.healthy();
    res.status(database && queue ? 200 : 503);
    return {
      status: database && queue ? 'ready' : 'unavailable',
      database,
      queue,
      queueDriver: this.queue.driver,
    };
  }
}
