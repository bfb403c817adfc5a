// The fuzz worker thread the supervisor bundles and starts: the protocol targets, served.
import { serveJobs } from './serve.js';
import { targetFor } from './targets/index.js';

serveJobs(targetFor);
