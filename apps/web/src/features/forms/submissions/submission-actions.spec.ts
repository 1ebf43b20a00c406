import { SUBMISSION_STATES } from '@sanad/contracts';
import { ACTION_TARGET, actionsFor, canEditAnswers, stateOnOpen } from './submission-actions';

describe('submission actions per state', () => {
  it('offer archive and spam in the inbox, unarchive in the archive, release for spam', () => {
    expect(actionsFor('new')).toEqual(['archive', 'spam']);
    expect(actionsFor('read')).toEqual(['archive', 'spam']);
    expect(actionsFor('archived')).toEqual(['unarchive', 'spam']);
    expect(actionsFor('spam')).toEqual(['release']);
  });

  it('never offer an action that leaves the state where it is', () => {
    for (const state of SUBMISSION_STATES)
      for (const action of actionsFor(state)) expect(ACTION_TARGET[action]).not.toBe(state);
  });

  it('release spam as new (the server then opens what it held back), unarchive as read', () => {
    expect(ACTION_TARGET.release).toBe('new');
    expect(ACTION_TARGET.unarchive).toBe('read');
  });

  it('mark only new submissions read on opening, and edit answers of all but spam', () => {
    expect(stateOnOpen('new')).toBe('read');
    expect(stateOnOpen('read')).toBeNull();
    expect(stateOnOpen('archived')).toBeNull();
    expect(stateOnOpen('spam')).toBeNull();
    expect(SUBMISSION_STATES.filter(canEditAnswers)).toEqual(['new', 'read', 'archived']);
  });
});
