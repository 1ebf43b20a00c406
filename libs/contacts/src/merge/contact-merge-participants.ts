import { Injectable } from '@nestjs/common';

/** What a merged person's rows are re-pointed to, and what their search text must find. */
export interface MergeSurvivor {
  id: string;
  name: string | null;
  emails: string[];
  phones: string[];
}

/**
 * A library holding rows that reference people (conversations and their messages). Contacts
 * cannot depend on those libraries (they depend on contacts), so each registers here at start
 * and a merge moves their rows in its transaction.
 */
export interface ContactMergeParticipant {
  /** What this library holds of the person, for the merge preview (`{ conversations: 3 }`). */
  count(workspaceId: string, contactId: string): Promise<Record<string, number>>;
  /** Re-points every row of `fromId` to the survivor, inside the transaction open around it. */
  move(workspaceId: string, fromId: string, survivor: MergeSurvivor): Promise<void>;
}

@Injectable()
export class ContactMergeParticipants {
  private readonly participants: ContactMergeParticipant[] = [];

  register(participant: ContactMergeParticipant): void {
    this.participants.push(participant);
  }

  async count(workspaceId: string, contactId: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const p of this.participants)
      for (const [key, n] of Object.entries(await p.count(workspaceId, contactId)))
        counts[key] = (counts[key] ?? 0) + n;
    return counts;
  }

  async move(workspaceId: string, fromId: string, survivor: MergeSurvivor): Promise<void> {
    for (const p of this.participants) await p.move(workspaceId, fromId, survivor);
  }
}
