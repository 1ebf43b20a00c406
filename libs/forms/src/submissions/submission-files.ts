import { Injectable } from '@nestjs/common';
import type { UploadedFile } from '@sanad/conversations';
import { BlobStorage } from '@sanad/storage';
import { SubmissionsRepository, type SubmissionRecord } from './submissions.repository';

/** A submission's stored files read back, to attach to the conversation it opens. */
@Injectable()
export class SubmissionFiles {
  constructor(
    private readonly repo: SubmissionsRepository,
    private readonly storage: BlobStorage,
  ) {}

  async bytes(record: SubmissionRecord): Promise<Array<UploadedFile & { fieldKey: string }>> {
    const out: Array<UploadedFile & { fieldKey: string }> = [];
    for (const f of await this.repo.files(record.workspaceId, [record.id])) {
      const stream = await this.storage.get(f.storageKey);
      if (!stream) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      out.push({
        fieldKey: f.fieldKey,
        fileName: f.fileName,
        contentType: f.contentType,
        data: Buffer.concat(chunks),
      });
    }
    return out;
  }
}
