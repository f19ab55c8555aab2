import { type Config, ConfigError, loadConfig } from '../config.js';
import { configureLogger } from '../log.js';

/** Loads configuration for a command; a bad value ends the process with a message naming the variable. */
export function loadConfigOrExit(overrides: Record<string, string | undefined> = {}): Config {
  try {
    const config = loadConfig({ ...process.env, ...overrides });
    configureLogger({
      level: config.LOG_LEVEL,
      format: config.LOG_FORMAT,
      ...(config.LOG_PSEUDONYM_SECRET ? { pseudonymSecret: config.LOG_PSEUDONYM_SECRET } : {}),
    });
    return config;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example and the README's configuration table.\n`);
      process.exit(2);
    }
    throw error;
  }
}
