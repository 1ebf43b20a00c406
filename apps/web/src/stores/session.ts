import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type {
  Digits,
  Language,
  MeView,
  SetupStatusView,
  UserView,
  WorkspaceView,
} from '@sanad/contracts';
import { authApi, type CreateWorkspaceInput } from '@/api/auth';
import { ApiError } from '@/api/client';
import { meApi } from '@/api/me';
import { applyLanguage } from '@/modules/direction';
import { currentLanguage } from '@/modules/i18n';
import { applyBrand } from '@/modules/brand';
import { connectRealtime, disconnectRealtime } from '@/modules/realtime';
import { useEventStreamStore } from './event-stream';

/** Who is logged in, and the installation's first-run state. */
export const useSessionStore = defineStore('session', () => {
  const me = ref<MeView | null>(null);
  const setup = ref<SetupStatusView | null>(null);
  const loaded = ref(false);

  const isAdmin = computed(
    () => me.value?.user.role === 'owner' || me.value?.user.role === 'admin',
  );

  function signedIn(view: MeView): MeView {
    me.value = view;
    applyLanguage(view.user.language);
    connectRealtime();
    return view;
  }

  /** First call of the app: setup status, then the current user if there is a session. */
  async function load(): Promise<void> {
    if (loaded.value) return;
    setup.value = await authApi.setupStatus();
    if (!setup.value.needsSetup) {
      try {
        signedIn(await meApi.get());
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    }
    loaded.value = true;
  }

  async function login(email: string, password: string): Promise<MeView> {
    return signedIn(await authApi.login(email, password));
  }

  async function createWorkspace(
    kind: 'setup' | 'signup',
    input: CreateWorkspaceInput,
  ): Promise<MeView> {
    const view = signedIn(
      kind === 'setup' ? await authApi.setup(input) : await authApi.signup(input),
    );
    if (setup.value) setup.value = { ...setup.value, needsSetup: false };
    return view;
  }

  async function acceptInvite(token: string, name: string, password: string): Promise<MeView> {
    return signedIn(
      await authApi.acceptInvite(token, { name, password, language: currentLanguage() }),
    );
  }

  async function logout(): Promise<void> {
    await authApi.logout().catch(() => undefined);
    forget();
  }

  /** The session ended on the server (expired, deactivated): drop local state. */
  function forget(): void {
    me.value = null;
    disconnectRealtime();
  }

  /** Switches language at once; saved on the account when logged in (rolled back on failure). */
  async function setLanguage(language: Language): Promise<void> {
    const previous = currentLanguage();
    applyLanguage(language);
    if (!me.value) return;
    try {
      me.value = await meApi.update({ language });
    } catch (error) {
      applyLanguage(previous);
      throw error;
    }
  }

  async function updateName(name: string): Promise<void> {
    me.value = await meApi.update({ name });
  }

  /** The member's own digits (null = the workspace's): applied at once, rolled back on failure. */
  async function setDigits(digits: Digits | null): Promise<void> {
    if (!me.value) return;
    const previous = me.value;
    me.value = { ...previous, user: { ...previous.user, digits } };
    try {
      me.value = await meApi.update({ digits });
    } catch (error) {
      me.value = previous;
      throw error;
    }
  }

  /** The workspace as saved or changed by an admin (settings, brand): the SPA follows it at once. */
  function applyWorkspace(workspace: WorkspaceView): void {
    if (me.value && me.value.workspace.id === workspace.id) me.value = { ...me.value, workspace };
  }

  // The brand is worn from the first view of a session to its end (colours, favicon).
  watch(() => me.value?.workspace.brand, applyBrand, { immediate: true });
  // `workspace.updated` (settings or brand changed by an admin): applied at once, so dates,
  // digits and the accent follow without a reload; after a gap, /me is read again.
  useEventStreamStore().register({
    apply(event) {
      if (event.type === 'workspace.updated') applyWorkspace(event.data.workspace);
    },
    async resync() {
      if (me.value) me.value = await meApi.get();
    },
  });

  /** Our own account as another admin changed it (role, mailboxes), from a member event. */
  function applyUser(user: UserView): void {
    if (me.value && me.value.user.id === user.id) me.value = { ...me.value, user };
  }

  return {
    me,
    setup,
    loaded,
    isAdmin,
    load,
    login,
    createWorkspace,
    acceptInvite,
    logout,
    forget,
    setLanguage,
    updateName,
    setDigits,
    applyUser,
    applyWorkspace,
  };
});
