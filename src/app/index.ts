// The door of src/app: configuration, the data directory, the lifecycle and the platform.
export {
  ConfigSchema,
  closest,
  configJsonSchema,
  defaultConfig,
  loadConfigFile,
  parseConfig,
  type Config,
  type ConfigInput,
  type ConfigProblem,
} from './config.js';
export { ensureHome, resolveHome } from './home.js';
export { Lifecycle, stopOnSignals, type LifecycleOptions } from './lifecycle.js';
export {
  describePlatform,
  startPlatform,
  type Platform,
  type PlatformOptions,
} from './platform.js';
