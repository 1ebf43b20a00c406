import { Injectable } from '@nestjs/common';
import type { ContactSummaryView, CustomFieldValues } from '@sanad/contracts';
import { cleanText, cappedName, normaliseEmail } from '@sanad/core';
import { OutboxWriter } from '@sanad/queue';
import { contactSearchText, foldedSortName } from '@sanad/search';
import { CompaniesRepository } from './companies/companies.repository';
import { ContactSummariesCache } from './contact-summaries.cache';
import { ContactsRepository } from './contacts.repository';
import type { Contact } from './entities/contact.entity';
import { lenientPhone } from './phone.util';
import { emailDomains } from './people/person-input.util';
import { WorkspaceRegion } from './workspace-region';

export interface ContactIdentity {
  email?: string;
  phone?: string;
  externalId?: string;
  name?: string;
}

@Injectable()
export class ContactsService {
  constructor(
    private readonly repo: ContactsRepository,
    private readonly summariesCache: ContactSummariesCache,
    private readonly companies: CompaniesRepository,
    private readonly region: WorkspaceRegion,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * The contact known by external id, then email, then phone; created when none matches. New
   * identifiers and a missing name are added to the contact found. Channels are never refused:
   * a phone that is not a valid number is kept as its digits. A new person is linked to the
   * company whose domain their email is at, and announced (`contact.created`).
   */
  async findOrCreate(workspaceId: string, identity: ContactIdentity): Promise<Contact> {
    const email = identity.email ? normaliseEmail(identity.email) : undefined;
    const phone = identity.phone
      ? lenientPhone(identity.phone, await this.region.of(workspaceId))
      : undefined;
    const externalId = identity.externalId ? cleanText(identity.externalId) : undefined;
    const name = identity.name ? cappedName(identity.name) || null : null;
    // Two channels (or a double-clicked form) bringing the same new person at once must find one
    // another: whoever comes second waits for the first's transaction, then finds its person.
    await this.repo.lockIdentities(
      workspaceId,
      [externalId && `x:${externalId}`, email && `e:${email}`, phone && `p:${phone}`].filter(
        (k): k is string => !!k,
      ),
    );
    const found =
      (externalId && (await this.repo.findByExternalId(workspaceId, externalId))) ||
      (email && (await this.repo.findByEmail(workspaceId, email))) ||
      (phone && (await this.repo.findByPhone(workspaceId, phone))) ||
      null;
    if (!found) {
      const emails = email ? [email] : [];
      const phones = phone ? [phone] : [];
      const [domain] = emailDomains(emails);
      const company = domain ? await this.companies.byDomain(workspaceId, domain) : null;
      const contact = await this.repo.insert({
        workspaceId,
        name,
        emails,
        phones,
        externalId: externalId ?? null,
        companyId: company?.id ?? null,
        companyLink: company ? 'domain' : null,
        sortName: foldedSortName(name, emails),
        searchText: contactSearchText({
          name,
          emails,
          phones,
          externalId,
          companyName: company?.name,
        }),
      });
      await this.outbox.write({
        workspaceId,
        type: 'contact.created',
        payload: { contactId: contact.id },
      });
      return contact;
    }
    const before = JSON.stringify(found);
    if (email && !found.emails.includes(email)) found.emails = [...found.emails, email];
    if (phone && !found.phones.includes(phone)) found.phones = [...found.phones, phone];
    if (externalId && !found.externalId) found.externalId = externalId;
    if (name && !found.name) found.name = name;
    const changed = JSON.stringify(found) !== before;
    if (!changed) return found;
    const companyName = found.companyId
      ? ((await this.companies.names(workspaceId, [found.companyId])).get(found.companyId) ?? null)
      : null;
    found.sortName = foldedSortName(found.name, found.emails);
    found.searchText = contactSearchText({ ...found, companyName });
    const saved = await this.repo.save(found);
    await this.outbox.write({
      workspaceId,
      type: 'contact.updated',
      payload: { contactId: found.id, changed: ['identity'] },
    });
    return saved;
  }

  /**
   * What a form's answers add to the person it found or created: custom fields that are still
   * empty (a value already there is never replaced by a public form's), and the company of that
   * name when they have none and it exists (public input never creates companies).
   */
  async fillFromForm(
    workspaceId: string,
    contact: Contact,
    answers: { company?: string; customFields: CustomFieldValues },
  ): Promise<void> {
    const changed: string[] = [];
    const customFields = { ...contact.customFields };
    for (const [key, value] of Object.entries(answers.customFields))
      if (customFields[key] === undefined || customFields[key] === '') {
        customFields[key] = value;
        changed.push('customFields');
      }
    let companyName: string | null = null;
    if (answers.company && !contact.companyId) {
      const company = await this.companies.byName(workspaceId, answers.company);
      if (company) {
        contact.companyId = company.id;
        contact.companyLink = 'manual';
        companyName = company.name;
        changed.push('companyId');
      }
    }
    if (changed.length === 0) return;
    contact.customFields = customFields;
    if (contact.companyId && !companyName)
      companyName =
        (await this.companies.names(workspaceId, [contact.companyId])).get(contact.companyId) ??
        null;
    contact.searchText = contactSearchText({ ...contact, companyName });
    await this.repo.save(contact);
    await this.outbox.write({
      workspaceId,
      type: 'contact.updated',
      payload: { contactId: contact.id, changed: [...new Set(changed)] },
    });
  }

  /**
   * A customer wrote: when they were last seen, and when their last conversation started.
   * Neither shows in conversations, so nothing is announced.
   */
  noteCustomerMessage(
    workspaceId: string,
    contactId: string,
    newConversation: boolean,
  ): Promise<void> {
    return this.repo.touch(workspaceId, contactId, newConversation);
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
  const { id, name, emails, phones, externalId, categoryId, companyId } = contact;
  return { id, name, emails, phones, externalId, categoryId, companyId };
}
