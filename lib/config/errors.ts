/** A settings problem the operator must fix; its message is one line and names the setting. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
