import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import { useSessionStore } from '@/stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    guestOnly?: boolean;
    admin?: boolean;
  }
}

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    {
      path: '/login',
      component: () => import('@/features/auth/LoginPage.vue'),
      meta: { public: true, guestOnly: true },
    },
    {
      path: '/setup',
      component: () => import('@/features/auth/SetupPage.vue'),
      meta: { public: true, guestOnly: true },
    },
    {
      path: '/signup',
      component: () => import('@/features/auth/SignupPage.vue'),
      meta: { public: true, guestOnly: true },
    },
    {
      path: '/invite/:token',
      component: () => import('@/features/auth/AcceptInvitePage.vue'),
      meta: { public: true },
    },
    {
      path: '/',
      component: () => import('@/layouts/AppLayout.vue'),
      children: [
        { path: '', component: () => import('@/features/home/HomePage.vue') },
        {
          path: 'conversations',
          component: () => import('@/features/conversations/InboxPage.vue'),
        },
        {
          path: 'conversations/:id',
          component: () => import('@/features/conversations/InboxPage.vue'),
        },
        { path: 'contacts', redirect: '/contacts/people' },
        {
          path: 'contacts/people',
          component: () => import('@/features/contacts/people/PeoplePage.vue'),
        },
        {
          path: 'contacts/people/duplicates',
          component: () => import('@/features/contacts/people/DuplicatesPage.vue'),
        },
        {
          path: 'contacts/people/:id',
          component: () => import('@/features/contacts/people/PersonPage.vue'),
        },
        {
          path: 'contacts/companies',
          component: () => import('@/features/contacts/companies/CompaniesPage.vue'),
        },
        {
          path: 'contacts/companies/:id',
          component: () => import('@/features/contacts/companies/CompanyPage.vue'),
        },
        {
          path: 'reports',
          component: () => import('@/features/reports/ReportsLayout.vue'),
          children: [
            {
              path: '',
              redirect: (to) => ({ path: '/reports/conversations', query: to.query }),
            },
            {
              path: 'conversations',
              component: () => import('@/features/reports/ConversationsReportPage.vue'),
            },
            {
              path: 'agents',
              component: () => import('@/features/reports/AgentsReportPage.vue'),
              meta: { admin: true },
            },
            {
              path: 'contacts',
              component: () => import('@/features/reports/ContactsReportPage.vue'),
              meta: { admin: true },
            },
            {
              path: 'satisfaction',
              component: () => import('@/features/reports/SatisfactionReportPage.vue'),
              meta: { admin: true },
            },
            {
              path: 'nps',
              component: () => import('@/features/reports/NpsReportPage.vue'),
              meta: { admin: true },
            },
            {
              path: 'nps/surveys/:id',
              component: () => import('@/features/reports/nps/NpsSurveyPage.vue'),
              meta: { admin: true },
            },
          ],
        },
        { path: 'forms', component: () => import('@/features/forms/FormsPage.vue') },
        { path: 'forms/:id', component: () => import('@/features/forms/FormBuilderRoute.vue') },
        {
          path: 'settings',
          component: () => import('@/features/settings/SettingsLayout.vue'),
          children: [
            { path: '', redirect: '/settings/profile' },
            { path: 'profile', component: () => import('@/features/settings/ProfilePage.vue') },
            {
              path: 'members',
              component: () => import('@/features/settings/MembersPage.vue'),
              meta: { admin: true },
            },
            {
              path: 'tokens',
              component: () => import('@/features/settings/TokensPage.vue'),
              meta: { admin: true },
            },
            {
              path: 'saved-replies',
              component: () => import('@/features/settings/SavedRepliesPage.vue'),
            },
            {
              path: 'teams',
              component: () => import('@/features/settings/TeamsPage.vue'),
              meta: { admin: true },
            },
            {
              path: 'tags',
              component: () => import('@/features/settings/TagsPage.vue'),
              meta: { admin: true },
            },
            {
              path: 'mailboxes',
              component: () => import('@/features/settings/MailboxesPage.vue'),
              meta: { admin: true },
            },
            {
              path: 'mailboxes/:id/email',
              component: () => import('@/features/settings/MailboxEmailPage.vue'),
              meta: { admin: true },
            },
            {
              path: 'contact-categories',
              component: () => import('@/features/settings/contacts/ContactCategoriesPage.vue'),
              meta: { admin: true },
            },
            {
              path: 'contact-fields',
              component: () => import('@/features/settings/contacts/ContactFieldsPage.vue'),
              meta: { admin: true },
            },
            {
              path: 'webhooks',
              component: () => import('@/features/settings/webhooks/WebhooksPage.vue'),
              meta: { admin: true },
            },
            {
              path: 'webhooks/:id',
              component: () => import('@/features/settings/webhooks/WebhookPage.vue'),
              meta: { admin: true },
            },
            {
              path: 'workspace',
              component: () => import('@/features/settings/branding/BasicSettingsPage.vue'),
              meta: { admin: true },
            },
            {
              path: 'brand',
              component: () => import('@/features/settings/branding/BrandPage.vue'),
              meta: { admin: true },
            },
            {
              path: 'satisfaction',
              component: () => import('@/features/settings/SatisfactionSettingsPage.vue'),
            },
            {
              path: 'blocked-senders',
              component: () => import('@/features/settings/BlockedSendersPage.vue'),
              meta: { admin: true },
            },
          ],
        },
        {
          path: 'contacts/import',
          component: () => import('@/features/contacts/import/ImportWizardPage.vue'),
          meta: { admin: true },
        },
        {
          path: 'contacts/import/:id',
          component: () => import('@/features/contacts/import/ImportWizardPage.vue'),
          meta: { admin: true },
        },
        {
          path: 'forms/submissions',
          component: () => import('@/features/forms/submissions/SubmissionsPage.vue'),
        },
        {
          path: 'forms/submissions/:id',
          component: () => import('@/features/forms/submissions/SubmissionPage.vue'),
        },
      ],
    },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
});

/** First run → /setup; no session → /login; agents never see admin screens. */
router.beforeEach(async (to: RouteLocationNormalized) => {
  const session = useSessionStore();
  await session.load();
  if (session.setup?.needsSetup) return to.path === '/setup' ? true : '/setup';
  if (to.path === '/setup') return '/login';
  if (to.path === '/signup' && !session.setup?.signupAllowed) return '/login';
  if (to.meta.public) return to.meta.guestOnly && session.me ? '/' : true;
  if (!session.me)
    return { path: '/login', query: to.fullPath === '/' ? {} : { next: to.fullPath } };
  if (to.matched.some((record) => record.meta.admin) && !session.isAdmin) return '/';
  return true;
});
