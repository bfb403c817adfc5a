// The door of src/core: coded errors, the event schema, severity, ids, time and logging.
export * from './clock.js';
export * from './duration.js';
export * from './errors.js';
export * from './events.js';
export * from './ids.js';
export * from './logger.js';
export * from './severity.js';
export { VERSION } from './version.js';
