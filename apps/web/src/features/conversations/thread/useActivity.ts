import { useI18n } from 'vue-i18n';
import type { MessageView, UserView } from '@sanad/contracts';
import { useLocale } from '@/composables/useLocale';

export interface Activity {
  key: string;
  who: string;
  from?: string;
  to?: string;
}

/** A timeline entry as a message key and its parts; names are isolated with <bdi> when shown. */
export function useActivity(members: () => UserView[], timeZone: () => string | undefined) {
  const { t } = useI18n();
  const { formatDateTime } = useLocale();

  function memberName(id: unknown): string {
    return members().find((m) => m.id === id)?.name ?? '';
  }

  function describe(message: MessageView): Activity {
    const who = message.author.name ?? t('inbox.activity.system');
    const data = message.data as { action?: string; from?: unknown; to?: unknown };
    switch (data.action) {
      case 'status':
      case 'priority':
        return {
          key: `inbox.activity.${data.action}`,
          who,
          from: t(`inbox.${data.action}.${String(data.from)}`),
          to: t(`inbox.${data.action}.${String(data.to)}`),
        };
      case 'assignee':
        return data.to
          ? { key: 'inbox.activity.assigned', who, to: memberName(data.to) }
          : { key: 'inbox.activity.unassigned', who };
      case 'tags':
      case 'merge':
      case 'team':
      case 'spam':
      case 'not_spam':
      case 'follow':
      case 'unfollow':
      case 'unsnooze':
      case 'snooze_ended':
        return { key: `inbox.activity.${data.action}`, who };
      case 'bounce':
        return {
          key: 'inbox.activity.bounce',
          who,
          to: String((data as { reason?: string }).reason ?? ''),
        };
      case 'contact':
        return {
          key: 'inbox.activity.contact',
          who,
          to: String((data as { name?: string | null }).name ?? ''),
        };
      case 'snooze':
        return {
          key: 'inbox.activity.snooze',
          who,
          to: formatDateTime((data as { until?: string }).until ?? null, timeZone()),
        };
      default:
        return { key: 'inbox.activity.mailbox', who };
    }
  }

  return { describe };
}
