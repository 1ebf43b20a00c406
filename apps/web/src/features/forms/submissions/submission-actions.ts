import type { SubmissionState } from '@sanad/contracts';

/** What an agent can do with a submission, and the state each action moves it to. */
export type SubmissionAction = 'archive' | 'unarchive' | 'spam' | 'release';

export const ACTION_TARGET: Record<SubmissionAction, SubmissionState> = {
  archive: 'archived',
  // Back to the inbox as read: it was opened before it was archived.
  unarchive: 'read',
  spam: 'spam',
  // Released spam starts over as new: the server then creates the contact and conversation.
  release: 'new',
};

/** The actions offered in each state, most common first. */
export function actionsFor(state: SubmissionState): SubmissionAction[] {
  switch (state) {
    case 'new':
    case 'read':
      return ['archive', 'spam'];
    case 'archived':
      return ['unarchive', 'spam'];
    case 'spam':
      return ['release'];
  }
}

/** Answers are corrected on real submissions only: spam is released first. */
export function canEditAnswers(state: SubmissionState): boolean {
  return state !== 'spam';
}

/** Opening a new submission marks it read; nothing else changes by looking. */
export function stateOnOpen(state: SubmissionState): SubmissionState | null {
  return state === 'new' ? 'read' : null;
}
