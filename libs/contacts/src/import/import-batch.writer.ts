import { Injectable } from '@nestjs/common';
import { OutboxWriter, type NewEvent } from '@sanad/queue';
import { randomUUID } from 'node:crypto';
import {
  ContactImportsRepository,
  type ImportChange,
  type ImportRecord,
} from './contact-imports.repository';
import {
  ImportBatchRepository,
  type NewCompany,
  type StoredPerson,
} from './import-batch.repository';
import type { PlannedRow } from './import-plan.util';

/**
 * What an import writes: a batch's verdicts (companies, people, timelines, what to undo,
 * events), and the undoing of a batch of its changes. Called inside the batch's transaction.
 */
@Injectable()
export class ImportBatchWriter {
  constructor(
    private readonly repo: ContactImportsRepository,
    private readonly batches: ImportBatchRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  /** One batch's verdicts written: companies, people, timelines, what to undo, events. */
  async write(
    record: ImportRecord,
    planned: PlannedRow[],
    newCompanies: Map<string, NewCompany & { row: number }>,
  ): Promise<void> {
    const { workspaceId } = record;
    const used = new Set(
      planned.flatMap((p) =>
        (p.kind === 'create' || p.kind === 'update') && p.person.companyId
          ? [p.person.companyId]
          : [],
      ),
    );
    const companies = [...newCompanies.values()].filter((c) => used.has(c.id));
    const creates = planned.flatMap((p) =>
      p.kind === 'create' ? [{ ...p, person: { ...p.person, id: randomUUID() } }] : [],
    );
    const updates = planned.flatMap((p) => (p.kind === 'update' ? [p] : []));
    await this.batches.insertCompanies(workspaceId, companies);
    await this.batches.insertPeople(
      workspaceId,
      creates.map((c) => c.person),
    );
    await this.batches.overwritePeople(
      workspaceId,
      updates.map((u) => u.person),
    );
    await this.batches.flushSearchIndexes();
    await this.repo.addChanges(record.id, [
      ...companies.map((c): ImportChange => ({
        subject: 'company',
        subjectId: c.id,
        row: c.row,
        action: 'created',
        before: null,
      })),
      ...creates.map((c): ImportChange => ({
        subject: 'person',
        subjectId: c.person.id,
        row: c.row,
        action: 'created',
        before: null,
      })),
      ...updates.map((u): ImportChange => ({
        subject: 'person',
        subjectId: u.person.id,
        row: u.row,
        action: 'updated',
        before: u.before as unknown as Record<string, unknown>,
      })),
    ]);
    const via = { importId: record.id };
    await this.batches.addActivities(workspaceId, record.createdByUserId, [
      ...companies.map((c) => ({ companyId: c.id, kind: 'created', data: via })),
      ...creates.map((c) => ({ contactId: c.person.id, kind: 'created', data: via })),
      ...creates.flatMap((c) =>
        c.person.companyId
          ? [
              {
                contactId: c.person.id,
                kind: 'company_linked',
                data: { companyId: c.person.companyId, by: c.person.companyLink, ...via },
              },
            ]
          : [],
      ),
      ...updates.map((u) => ({
        contactId: u.person.id,
        kind: 'updated',
        data: { changed: u.changed, ...via },
      })),
    ]);
    const events: NewEvent[] = [
      ...companies.map((c): NewEvent => ({
        workspaceId,
        type: 'company.created',
        payload: { companyId: c.id },
      })),
      ...creates.map((c): NewEvent => ({
        workspaceId,
        type: 'contact.created',
        payload: { contactId: c.person.id },
      })),
      ...updates.map((u): NewEvent => ({
        workspaceId,
        type: 'contact.updated',
        payload: { contactId: u.person.id, changed: u.changed },
      })),
    ];
    if (events.length > 0) await this.outbox.writeAll(events);
  }

  async revert(workspaceId: string, changes: ImportChange[]): Promise<void> {
    const people = changes.filter((c) => c.subject === 'person');
    const createdPeople = people.filter((c) => c.action === 'created').map((c) => c.subjectId);
    const restored = people
      .filter((c) => c.action === 'updated')
      .map((c) => c.before as unknown as StoredPerson);
    const createdCompanies = changes.filter((c) => c.subject === 'company').map((c) => c.subjectId);
    await this.batches.deletePeople(workspaceId, createdPeople);
    await this.batches.overwritePeople(workspaceId, restored);
    await this.batches.deleteCompanies(workspaceId, createdCompanies);
    const events: NewEvent[] = [
      ...createdPeople.map((contactId): NewEvent => ({
        workspaceId,
        type: 'contact.deleted',
        payload: { contactId },
      })),
      ...restored.map((p): NewEvent => ({
        workspaceId,
        type: 'contact.updated',
        payload: { contactId: p.id },
      })),
      ...createdCompanies.map((companyId): NewEvent => ({
        workspaceId,
        type: 'company.deleted',
        payload: { companyId },
      })),
    ];
    if (events.length > 0) await this.outbox.writeAll(events);
  }
}
