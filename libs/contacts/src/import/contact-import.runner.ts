import { Injectable, Logger } from '@nestjs/common';
import type { ImportCounts } from '@sanad/contracts';
import { TransactionRunner } from '@sanad/database';
import { JobQueue, OutboxWriter } from '@sanad/queue';
import { BlobStorage } from '@sanad/storage';
import { randomUUID } from 'node:crypto';
import {
  ContactImportsRepository,
  EMPTY_COUNTS,
  type ImportRecord,
  type StoredReject,
} from './contact-imports.repository';
import { csvRecords } from './csv-records';
import { ImportBatchPlanner, type RawRow } from './import-batch.planner';
import { ImportBatchWriter } from './import-batch.writer';
import type { PlannedRow } from './import-plan.util';
import { isBlankRow } from './import-row.util';

/** Rows per transaction: one commit, one checkpoint and one progress event each. */
export const IMPORT_BATCH = 1000;
/** A runner holds its import this long past its last batch; then the sweep hands it on. */
const LEASE_SECONDS = 60;
/** Cells kept per rejected row (the rejected-rows file shows them), and characters per cell. */
const KEPT_CELLS = 1000;
const KEPT_CELL_CHARS = 1000;

interface Batch {
  rows: RawRow[];
  /** Records consumed, blank ones included: the checkpoint after this batch. */
  consumedTo: number;
}

class FileFailure extends Error {
  constructor(
    readonly code: 'contact_import/unreadable' | 'contact_import/file_gone',
    readonly row: number | null,
    reason: string,
  ) {
    super(reason);
  }
}

/**
 * The `contacts.import` job: checks (dry run) or imports an uploaded file batch by batch, each
 * batch one transaction with its checkpoint, so a job killed mid-file goes on from the last
 * batch when it runs again; undoes a cancelled import whole. At-least-once safe: a runner takes
 * the import with a lease, and a batch commits only if its runner still holds it.
 */
@Injectable()
export class ContactImportRunner {
  private readonly logger = new Logger('ContactImports');

  constructor(
    private readonly repo: ContactImportsRepository,
    private readonly planner: ImportBatchPlanner,
    private readonly writer: ImportBatchWriter,
    private readonly storage: BlobStorage,
    private readonly outbox: OutboxWriter,
    private readonly tx: TransactionRunner,
    private readonly queue: JobQueue,
  ) {}

  /** Worker role: take import jobs, one at a time per process (they are long and heavy). */
  listen(): void {
    this.queue.process<{ importId: string }>('contacts.import', 1, (job) => this.run(job.importId));
  }

  async enqueue(importId: string): Promise<void> {
    await this.queue.add(
      'contacts.import',
      { importId },
      { jobId: `contact-import:${importId}:${Date.now()}`, attempts: 3, backoffMs: 2000 },
    );
  }

  /** Imports whose runner is gone (a restart, a lost job) get a new job; returns how many. */
  async resumeOrphans(): Promise<number> {
    const orphans = await this.repo.orphans(20);
    for (const { id } of orphans) await this.enqueue(id);
    return orphans.length;
  }

  async run(importId: string): Promise<void> {
    const token = randomUUID();
    const record = await this.repo.claim(importId, token, LEASE_SECONDS);
    if (!record) return;
    try {
      if (record.status === 'checking') await this.check(record, token);
      else if (record.status === 'cancelling') await this.undo(record, token);
      else await this.importRows(record, token);
    } catch (error) {
      if (error instanceof FileFailure) return this.fail(record, token, error);
      // Let the queue's retry (or the sweep) take it at once rather than after the lease.
      await this.repo
        .update(importId, { runnerToken: null, leaseUntil: null })
        .catch(() => undefined);
      throw error;
    }
  }

  /** The dry run: every row decided as the import would, nothing but the verdicts written. */
  private async check(record: ImportRecord, token: string): Promise<void> {
    const rules = await this.planner.rules(record);
    const counts: ImportCounts = { ...EMPTY_COUNTS };
    await this.tx.run(async () => {
      await this.repo.clearRejects(record.id, 'check');
      await this.repo.clearKeys(record.id, 'check');
      await this.repo.update(record.id, { rowsDone: 0, checkCounts: counts });
    });
    for await (const batch of this.read(record, 0)) {
      const { planned, keys } = await this.planner.plan(record, rules, batch.rows, 'check');
      tally(counts, planned);
      const held = await this.tx.run(async () => {
        const locked = await this.repo.lock(record.workspaceId, record.id);
        if (!locked || locked.status !== 'checking' || locked.runnerToken !== token) return false;
        await this.repo.addRejects(record.id, 'check', stored(planned, batch.rows));
        await this.repo.addKeys(record.id, 'check', keys);
        await this.repo.update(record.id, {
          rowsDone: batch.consumedTo,
          checkCounts: counts,
          leaseUntil: lease(),
        });
        await this.announce(record);
        return true;
      });
      if (!held) return;
    }
    await this.finish(record, token, 'checking', {
      status: 'checked',
      checkCounts: counts,
      rowsDone: 0,
    });
  }

  private async importRows(record: ImportRecord, token: string): Promise<void> {
    if (record.status === 'queued')
      await this.tx.run(async () => {
        await this.repo.clearKeys(record.id, 'import');
        await this.repo.update(record.id, {
          status: 'running',
          startedAt: record.startedAt ?? new Date(),
        });
        await this.announce(record);
      });
    const rules = await this.planner.rules(record);
    const counts: ImportCounts = { ...record.counts };
    let done = record.rowsDone;
    for await (const batch of this.read(record, record.rowsDone)) {
      const { planned, newCompanies, keys } = await this.planner.plan(
        record,
        rules,
        batch.rows,
        'import',
      );
      const outcome = await this.tx.run(async () => {
        const locked = await this.repo.lock(record.workspaceId, record.id);
        if (!locked || locked.runnerToken !== token || locked.rowsDone !== done) return 'lost';
        if (locked.status === 'cancelling') return 'cancel';
        await this.writer.write(record, planned, newCompanies);
        await this.repo.addRejects(record.id, 'import', stored(planned, batch.rows));
        await this.repo.addKeys(record.id, 'import', keys);
        tally(counts, planned);
        await this.repo.update(record.id, {
          rowsDone: batch.consumedTo,
          counts,
          leaseUntil: lease(),
        });
        await this.announce(record);
        return 'ok';
      });
      if (outcome === 'lost') return;
      if (outcome === 'cancel') return this.undo(record, token);
      done = batch.consumedTo;
    }
    const finished = await this.finish(record, token, 'running', { status: 'completed' });
    if (finished === 'cancelling') return this.undo(record, token);
    if (finished) await this.dropFile(record);
  }

  /** Everything this import created is deleted and everything it overwrote restored. */
  private async undo(record: ImportRecord, token: string): Promise<void> {
    for (;;) {
      const more = await this.tx.run(async () => {
        const locked = await this.repo.lock(record.workspaceId, record.id);
        if (!locked || locked.runnerToken !== token || locked.status !== 'cancelling') return null;
        const changes = await this.repo.changes(record.id, IMPORT_BATCH);
        if (changes.length === 0) return false;
        await this.writer.revert(record.workspaceId, changes);
        await this.repo.dropChanges(record.id, changes);
        await this.repo.update(record.id, { leaseUntil: lease() });
        return true;
      });
      if (more === null) return;
      if (!more) break;
    }
    await this.finish(record, token, 'cancelling', { status: 'cancelled' });
    await this.dropFile(record);
  }

  /** The file's data rows after `skip`, in batches; the header is record 0. */
  private async *read(record: ImportRecord, skip: number): AsyncGenerator<Batch> {
    const source = record.blobKey ? await this.storage.get(record.blobKey) : null;
    if (!source) throw new FileFailure('contact_import/file_gone', null, 'gone');
    let index = -1;
    let last = skip;
    let rows: RawRow[] = [];
    try {
      for await (const cells of csvRecords(source, record.encoding, record.delimiter)) {
        index++;
        if (index === 0 || index <= skip) continue;
        if (!isBlankRow(cells)) rows.push({ row: index, cells });
        if (index - last >= IMPORT_BATCH) {
          yield { rows, consumedTo: index };
          last = index;
          rows = [];
        }
      }
    } catch (error) {
      if (error instanceof FileFailure) throw error;
      throw new FileFailure(
        'contact_import/unreadable',
        index + 1,
        (error as Error).message.slice(0, 300),
      );
    }
    if (index > last) yield { rows, consumedTo: index };
  }

  /** Ends a phase if this runner still holds it; answers the status found otherwise. */
  private async finish(
    record: ImportRecord,
    token: string,
    from: ImportRecord['status'],
    patch: Partial<ImportRecord>,
  ): Promise<boolean | 'cancelling'> {
    return this.tx.run(async () => {
      const locked = await this.repo.lock(record.workspaceId, record.id);
      if (!locked || locked.runnerToken !== token) return false;
      if (locked.status === 'cancelling' && from === 'running') return 'cancelling';
      if (locked.status !== from) return false;
      const terminal = patch.status !== 'checked';
      await this.repo.update(record.id, {
        ...patch,
        runnerToken: null,
        leaseUntil: null,
        ...(terminal ? { finishedAt: new Date() } : {}),
      });
      if (terminal) await this.repo.dropChanges(record.id);
      await this.repo.clearKeys(record.id, terminal ? undefined : 'check');
      await this.announce(record);
      return true;
    });
  }

  private async fail(record: ImportRecord, token: string, failure: FileFailure): Promise<void> {
    this.logger.warn(`import ${record.id} failed: ${failure.message}`);
    await this.tx.run(async () => {
      const locked = await this.repo.lock(record.workspaceId, record.id);
      if (!locked || locked.runnerToken !== token) return;
      await this.repo.update(record.id, {
        // A failed check leaves the import to be fixed and checked again; a failed import stops
        // where it was (what it wrote stays, the error says the row).
        status: locked.status === 'checking' ? 'uploaded' : 'failed',
        error: {
          code: failure.code,
          params: { row: failure.row ?? 0, reason: failure.message },
          row: failure.row,
        },
        runnerToken: null,
        leaseUntil: null,
        ...(locked.status === 'checking' ? {} : { finishedAt: new Date() }),
      });
      await this.announce(record);
    });
  }

  private async dropFile(record: ImportRecord): Promise<void> {
    if (!record.blobKey) return;
    await this.storage.delete(record.blobKey).catch(() => undefined);
    await this.repo.update(record.id, { blobKey: null });
  }

  private announce(record: ImportRecord): Promise<unknown> {
    return this.outbox.write({
      workspaceId: record.workspaceId,
      type: 'contact_import.updated',
      payload: { importId: record.id },
    });
  }
}

function lease(): Date {
  return new Date(Date.now() + LEASE_SECONDS * 1000);
}

function tally(counts: ImportCounts, planned: PlannedRow[]): void {
  for (const p of planned) {
    counts.rows++;
    if (p.kind === 'create') counts.created++;
    else if (p.kind === 'update') counts.updated++;
    else if (p.kind === 'skip') counts.skipped++;
    else counts.rejected++;
  }
}

function stored(planned: PlannedRow[], rows: RawRow[]): StoredReject[] {
  const cellsOf = new Map(rows.map((r) => [r.row, r.cells]));
  return planned.flatMap((p) =>
    p.kind === 'reject'
      ? [
          {
            row: p.row,
            code: p.reject.code,
            column: p.reject.column,
            params: p.reject.params ?? {},
            cells: (cellsOf.get(p.row) ?? [])
              .slice(0, KEPT_CELLS)
              .map((c) => c.slice(0, KEPT_CELL_CHARS)),
          },
        ]
      : [],
  );
}
