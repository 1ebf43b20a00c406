import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

/** Split mode: socket.io servers in every API process share rooms through Redis. */
export class RedisIoAdapter extends IoAdapter {
  private pub: Redis | null = null;
  private sub: Redis | null = null;

  constructor(
    app: ConstructorParameters<typeof IoAdapter>[0],
    private readonly redisUrl: string,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    this.pub ??= new Redis(this.redisUrl);
    this.sub ??= this.pub.duplicate();
    server.adapter(createAdapter(this.pub, this.sub));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    const clients = [this.pub, this.sub].filter((client): client is Redis => client !== null);
    await Promise.all(clients.map((client) => client.quit().catch(() => client.disconnect())));
  }
}
