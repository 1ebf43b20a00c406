import { fillPlaceholders } from './placeholders.util';

describe('fillPlaceholders', () => {
  const values = { 'contact.name': 'سارة', 'agent.name': 'Omar', 'conversation.number': '42' };

  it.each([
    ['مرحباً {{contact.name}}، معك {{agent.name}}', 'مرحباً سارة، معك Omar'],
    ['Ticket #{{ conversation.number }}', 'Ticket #42'],
    ['{{Contact.Name}}', 'سارة'],
    ['{{contact.phone}} stays', '{{contact.phone}} stays'],
    ['no placeholders', 'no placeholders'],
    ['{{contact.name}}{{contact.name}}', 'سارةسارة'],
  ])('%s → %s', (body, expected) => {
    expect(fillPlaceholders(body, values)).toBe(expected);
  });
});
