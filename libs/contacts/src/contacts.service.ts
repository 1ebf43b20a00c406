import { Injectable } from '@nestjs/common';
import type { ContactSummaryView } from '@sanad/contracts';
import { cleanText, cappedName, normaliseEmail } from '@sanad/core';
import { ContactSummariesCache } from './contact-summaries.cache';
import { ContactsRepository } from './contacts.repository';
import type { Contact } from './entities/contact.entity';

export interface ContactIdentity {
  email?: string;
  phone?: string;
  externalId?: string;
  name?: string;
}

/** Digits and a leading +: the form phones are stored and matched in. */
export function normalisePhone(phone: string): string {
  const trimmed = cleanText(phone);
  return (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/\D/g, '');
}

@Injectable()
export class ContactsService {
  constructor(
    private readonly repo: ContactsRepository,
    private readonly summariesCache: ContactSummariesCache,
  ) {}

  /**
   * The contact known by external id, then email, then phone; created when none matches. New
   * identifiers and a missing name are added to the contact found.
   */
  async findOrCreate(workspaceId: string, identity: ContactIdentity): Promise<Contact> {
    const email = identity.email ? normaliseEmail(identity.email) : undefined;
    const phone = identity.phone ? normalisePhone(identity.phone) : undefined;
    const externalId = identity.externalId ? cleanText(identity.externalId) : undefined;
    const name = identity.name ? cappedName(identity.name) || null : null;
    const found =
      (externalId && (await this.repo.findByExternalId(workspaceId, externalId))) ||
      (email && (await this.repo.findByEmail(workspaceId, email))) ||
      (phone && (await this.repo.findByPhone(workspaceId, phone))) ||
      null;
    if (!found) {
      return this.repo.insert({
        workspaceId,
        name,
        emails: email ? [email] : [],
        phones: phone ? [phone] : [],
        externalId: externalId ?? null,
      });
    }
    const before = JSON.stringify(found);
    if (email && !found.emails.includes(email)) found.emails = [...found.emails, email];
    if (phone && !found.phones.includes(phone)) found.phones = [...found.phones, phone];
    if (externalId && !found.externalId) found.externalId = externalId;
    if (name && !found.name) found.name = name;
    const changed = JSON.stringify(found) !== before;
    return changed ? this.repo.save(found) : found;
  }

  findMany(workspaceId: string, ids: string[]): Promise<Contact[]> {
    return this.repo.findMany(workspaceId, [...new Set(ids)]);
  }

  /** What conversations show of their contacts, by id. */
  summaries(workspaceId: string, ids: string[]): Promise<Map<string, ContactSummaryView>> {
    if (ids.length === 0) return Promise.resolve(new Map<string, ContactSummaryView>());
    return this.summariesCache.read(workspaceId, ids, async (missing) =>
      (await this.findMany(workspaceId, missing)).map(toContactSummary),
    );
  }
}

export function toContactSummary(contact: Contact): ContactSummaryView {
  const { id, name, emails, phones, externalId } = contact;
  return { id, name, emails, phones, externalId };
}
