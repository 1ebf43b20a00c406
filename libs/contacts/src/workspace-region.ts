import { Injectable } from '@nestjs/common';
import { MemberDirectory } from '@sanad/accounts';
import { ExpiringCache } from '@sanad/core';
import type { CountryCode } from 'libphonenumber-js/min';
import { regionOfTimeZone } from './phone.util';

/** The country a workspace's local phone numbers are read in, kept a minute per process. */
@Injectable()
export class WorkspaceRegion {
  private readonly cache = new ExpiringCache<string, CountryCode>(10_000, 60_000);

  constructor(private readonly members: MemberDirectory) {}

  async of(workspaceId: string): Promise<CountryCode> {
    const region = await this.cache.read(workspaceId, async () => {
      const locale = await this.members.workspaceLocale(workspaceId);
      return regionOfTimeZone(locale?.timeZone ?? 'Asia/Riyadh');
    });
    return region ?? 'SA';
  }
}
