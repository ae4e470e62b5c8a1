// Typed configuration read once from the environment; a bad value stops the process with one clear line.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Config {
  port: number;
  portalDomain: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicScheme: 'http' | 'https';
  cookieSecure: boolean;
  postmarkServerToken: string | undefined;
  postmarkApiBase: string | undefined;
  mailFrom: string;
  logLevel: LogLevel;
  /** Take the client IP from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
  s3: { bucket: string; endpoint?: string; region: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle: boolean } | undefined;
  clamav: { host: string; port: number } | undefined;
}

export class ConfigError extends Error {
  constructor(public variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function readPort(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number from 1 to 65535, got "${raw}"`);
  const value = Number(raw);
  if (value < 1 || value > 65535) throw new ConfigError(name, `must be from 1 to 65535, got ${value}`);
  return value;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function readChoice<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${choices.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function readUrl(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a valid URL`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => p + '//').join(' or ')}`);
  }
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const portalDomain = (env.PORTAL_DOMAIN || 'localhost').toLowerCase();
  if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(portalDomain)) {
    throw new ConfigError('PORTAL_DOMAIN', `must be a host name such as portico.example, got "${env.PORTAL_DOMAIN}"`);
  }
  const publicScheme = readChoice(env, 'PUBLIC_SCHEME', ['http', 'https'] as const, env.NODE_ENV === 'production' ? 'https' : 'http');
  const mailFrom = env.MAIL_FROM || `Portico <no-reply@${portalDomain === 'localhost' ? 'portico.test' : portalDomain}>`;
  if (!/@[^@\s>]+\.[^@\s>]+>?$/.test(mailFrom)) {
    throw new ConfigError('MAIL_FROM', `must be an email address, optionally as "Name <address>", got "${mailFrom}"`);
  }
  const s3Bucket = env.S3_BUCKET;
  return {
    port: readPort(env, 'PORT', 3000),
    portalDomain,
    databaseUrl: readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir: env.DATA_DIR || './data',
    publicScheme,
    cookieSecure: readBoolean(env, 'COOKIE_SECURE', publicScheme === 'https'),
    postmarkServerToken: env.POSTMARK_SERVER_TOKEN || undefined,
    postmarkApiBase: readUrl(env, 'POSTMARK_API_BASE', ['http:', 'https:']),
    mailFrom,
    logLevel: readChoice(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'] as const, 'info'),
    trustProxy: readBoolean(env, 'TRUST_PROXY', false),
    s3: s3Bucket
      ? {
          bucket: s3Bucket,
          endpoint: readUrl(env, 'S3_ENDPOINT', ['http:', 'https:']),
          region: env.S3_REGION || 'us-east-1',
          accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
          forcePathStyle: readBoolean(env, 'S3_FORCE_PATH_STYLE', Boolean(env.S3_ENDPOINT)),
        }
      : undefined,
    clamav: env.CLAMAV_HOST ? { host: env.CLAMAV_HOST, port: readPort(env, 'CLAMAV_PORT', 3310) } : undefined,
  };
}

/** The origin of a firm's portal, e.g. http://demo.localhost:3000 */
export function firmOrigin(config: Config, slug: string): string {
  const defaultPort = config.publicScheme === 'https' ? 443 : 80;
  const port = config.port === defaultPort || config.publicScheme === 'https' ? '' : `:${config.port}`;
  return `${config.publicScheme}://${slug}.${config.portalDomain}${port}`;
}

export function rootOrigin(config: Config): string {
  const port = config.publicScheme === 'https' || config.port === 80 ? '' : `:${config.port}`;
  return `${config.publicScheme}://${config.portalDomain}${port}`;
}
