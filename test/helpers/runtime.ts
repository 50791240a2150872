import type { AppDeps } from '../../src/context.js';
import type { Clock } from '../../src/lib/clock.js';
import type { Config } from '../../src/config.js';

export interface TestRuntimeOptions {
  clock: Clock;
  config: Config;
}

/** What each runtime provides to the shared behaviour tests. */
export interface TestRuntime {
  name: 'node' | 'workers';
  /** Fresh, migrated, empty database and the app's dependencies over it. */
  createDeps(options: TestRuntimeOptions): Promise<AppDeps>;
}
