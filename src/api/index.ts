// The door of src/api: the HTTP API server and the shapes it serves.
export {
  startApiServer,
  type ApiServer,
  type ApiServerOptions,
  type HealthReport,
  type Role,
  type ServiceStatus,
} from './server.js';
