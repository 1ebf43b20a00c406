import { boot } from '../../api/src/boot';

// The worker role alone (split deployments); `npm start` runs every role in one process.
void boot(['worker']);
