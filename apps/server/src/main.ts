import { boot } from './boot';

// All roles configured by SANAD_ROLES (default api, worker and mail in this one process).
void boot();
