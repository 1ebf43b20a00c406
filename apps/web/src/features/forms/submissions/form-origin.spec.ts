import type { MessageView } from '@sanad/contracts';
import { conversationFormOrigin, formOrigin } from './form-origin';

const ORIGIN = { submissionId: 's1', formId: 'f1', formName: 'تواصل معنا', version: 2 };

function message(kind: MessageView['kind'], data: Record<string, unknown>): MessageView {
  return {
    id: Math.random().toString(36),
    conversationId: 'c',
    kind,
    author: { type: 'contact', id: null, name: null },
    text: '',
    html: null,
    data,
    attachments: [],
    mentions: [],
    delivery: null,
    createdAt: '2026-12-01T10:00:00Z',
  };
}

describe('a conversation opened by a form', () => {
  it('read data.form of the first message', () => {
    const messages = [
      message('activity', {}),
      message('reply', { form: ORIGIN }),
      message('reply', {}),
    ];
    expect(conversationFormOrigin(messages)).toEqual(ORIGIN);
  });

  it('ignore a form origin on a later message, and malformed ones', () => {
    expect(
      conversationFormOrigin([message('reply', {}), message('reply', { form: ORIGIN })]),
    ).toBeNull();
    expect(formOrigin({ form: { submissionId: 's1' } })).toBeNull();
    expect(formOrigin({ form: 'x' })).toBeNull();
    expect(formOrigin({})).toBeNull();
    expect(conversationFormOrigin([])).toBeNull();
  });
});
