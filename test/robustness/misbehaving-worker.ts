// A fuzz worker serving the misbehaving targets (supervisor.test.ts bundles and starts it).
import { serveJobs } from '../../fuzz/serve.js';
import { MISBEHAVING } from './misbehaving.js';

serveJobs((protocol) => MISBEHAVING[protocol]);
