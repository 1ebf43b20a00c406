import { computed, ref } from 'vue';
import type { AttachmentView } from '@sanad/contracts';
import { errorMessage } from '@/api/client';
import { conversationsApi } from '@/api/conversations';

export interface PendingFile {
  key: string;
  name: string;
  size: number;
  uploaded: AttachmentView | null;
}

/** Uploads start as soon as files are chosen, dropped or pasted; sending waits for them. */
export function useUploads(onError: (message: string) => void) {
  const files = ref<PendingFile[]>([]);
  const uploading = computed(() => files.value.some((f) => !f.uploaded));
  const attachmentIds = computed(() =>
    files.value.flatMap((f) => (f.uploaded ? [f.uploaded.id] : [])),
  );

  async function add(list: FileList | File[] | null | undefined): Promise<void> {
    for (const file of Array.from(list ?? [])) {
      const pending: PendingFile = {
        key: `${file.name}-${file.size}-${Math.random()}`,
        name: file.name,
        size: file.size,
        uploaded: null,
      };
      files.value = [...files.value, pending];
      try {
        const uploaded = await conversationsApi.upload(file);
        files.value = files.value.map((f) => (f.key === pending.key ? { ...f, uploaded } : f));
      } catch (e) {
        files.value = files.value.filter((f) => f.key !== pending.key);
        onError(`${file.name}: ${errorMessage(e)}`);
      }
    }
  }

  function remove(key: string): void {
    files.value = files.value.filter((f) => f.key !== key);
  }

  function onDrop(event: DragEvent): void {
    void add(event.dataTransfer?.files);
  }

  function onPaste(event: ClipboardEvent): void {
    const pasted = Array.from(event.clipboardData?.files ?? []);
    if (pasted.length > 0) {
      event.preventDefault();
      void add(pasted);
    }
  }

  function clear(): void {
    files.value = [];
  }

  return { files, uploading, attachmentIds, add, remove, onDrop, onPaste, clear };
}
