/**
 * The process configuration, read once from the environment and checked
 * before anything starts. A bad or missing variable is named in one line;
 * secrets are never echoed back. Variables of the platforms that arrive in
 * later issues are accepted now so a deployment's .env does not have to change.
 */
import { fileURLToPath } from 'node:url';
import { validate as isCron } from 'node-cron';
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './adapters/logging/logger.js';
import { isSchemaName } from './adapters/storage/pg/schema-name.js';
import { ErrorCode, MusterError, type ProblemDetail } from './core/errors.js';

export const DEFAULT_PORT = 3978;
export const DEFAULT_DATA_DIR = './data';
export const DEFAULT_TICK_CRON = '* * * * *';
/** The shipped example directory, found relative to the code rather than the working directory. */
export const DEFAULT_DIRECTORY_PATH = fileURLToPath(
  new URL('../directory/northamptonshire.json', import.meta.url),
);

export interface Config {
  port: number;
  dataDir: string;
  /** Unset: the default protocol (seed 000). */
  protocolPath?: string;
  directoryPath: string;
  tickCron: string;
  logLevel: LogLevel;
  slack?: { botToken: string; signingSecret?: string; appToken?: string; apiUrl?: string };
  teams?: TeamsConfig;
  coordinationChannel?: string;
  /** PostgreSQL instead of the embedded store (DATABASE_URL); see README "PostgreSQL". */
  databaseUrl?: string;
  /** The schema Muster's tables live in (MUSTER_PG_SCHEMA); unset: `public`. */
  databaseSchema?: string;
  /** Closed incidents older than this many days are purged daily (MUSTER_RETENTION_DAYS); unset: kept. */
  retentionDays?: number;
  /** Where each purged incident's final report (DOCX) is kept first (MUSTER_RETENTION_KEEP_EXPORT_DIR). */
  retentionKeepExportDir?: string;
  /** Extra CSP coordinators by platform user id (`slack:U123`, `teams:<Entra object id>`), from MUSTER_COORDINATORS. */
  coordinators?: string[];
  /** User groups whose members are CSP coordinators (`slack:S0123ABCD`, `teams:<group id>`), from MUSTER_COORDINATOR_GROUPS. */
  coordinatorGroups?: string[];
}

/**
 * Microsoft Teams. `appId` is unset only in the unauthenticated local mode
 * (`TEAMS_ALLOW_UNAUTHENTICATED=true`), which accepts activities with no token.
 */
export interface TeamsConfig {
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  /** The partnership's team (its Microsoft 365 group id): incident channels are created in it. */
  teamId?: string;
  /** The Teams channel (conversation id) for coordination notices and escalations. */
  coordinationChannel?: string;
  /** Bot Connector base URL for conversations Muster starts itself. */
  serviceUrl?: string;
  /** Microsoft Graph base URL, `…/v1.0`. */
  graphUrl?: string;
  /** Entra ID authority (sovereign clouds; tests). */
  authorityUrl?: string;
  /** The public https address of this process, for links to exported documents. */
  publicUrl?: string;
  allowUnauthenticated?: boolean;
}

/** Quotes a value for the message, except secrets, which are never repeated. */
const shown = (value: string, secret = false) => (secret ? 'the value' : `"${value}"`);

const text = z.string();
const optional = <T extends z.ZodType>(schema: T) => schema.optional();

const port = text.refine((v) => /^\d+$/.test(v) && Number(v) <= 65535, {
  error: (issue) => `${shown(String(issue.input))} is not a port number (0–65535)`,
});
const positiveInt = text.refine((v) => /^\d+$/.test(v) && Number(v) > 0, {
  error: (issue) => `${shown(String(issue.input))} is not a whole number of days above 0`,
});
const url = (protocols: string[], example: string) =>
  text.refine((v) => URL.canParse(v) && protocols.includes(new URL(v).protocol), {
    error: (issue) => `${shown(String(issue.input))} is not a URL such as ${example}`,
  });
const secretUrl = (protocols: string[], example: string) =>
  text.refine((v) => URL.canParse(v) && protocols.includes(new URL(v).protocol), {
    error: `is not a URL such as ${example} (the value is not repeated: it may hold a password)`,
  });
const token = (prefix: string) =>
  text.refine((v) => v.startsWith(prefix), {
    error: `does not start with "${prefix}"; check you copied the right token`,
  });

const envSchema = z.object({
  PORT: optional(port),
  MUSTER_DATA_DIR: optional(text),
  MUSTER_PROTOCOL: optional(text),
  MUSTER_DIRECTORY: optional(text),
  MUSTER_TICK_CRON: optional(
    text.refine((v) => isCron(v), {
      error: (issue) => `${shown(String(issue.input))} is not a valid cron expression`,
    }),
  ),
  LOG_LEVEL: optional(
    text.refine((v) => (LOG_LEVELS as readonly string[]).includes(v), {
      error: (issue) => `${shown(String(issue.input))} is not one of ${LOG_LEVELS.join(', ')}`,
    }),
  ),
  SLACK_BOT_TOKEN: optional(token('xoxb-')),
  SLACK_SIGNING_SECRET: optional(text),
  SLACK_APP_TOKEN: optional(token('xapp-')),
  SLACK_API_URL: optional(url(['http:', 'https:'], 'https://slack.com/api/')),
  MUSTER_COORDINATION_CHANNEL: optional(text),
  TEAMS_APP_ID: optional(text),
  TEAMS_APP_PASSWORD: optional(text),
  TEAMS_TENANT_ID: optional(text),
  TEAMS_TEAM_ID: optional(text),
  TEAMS_COORDINATION_CHANNEL: optional(text),
  TEAMS_SERVICE_URL: optional(url(['http:', 'https:'], 'https://smba.trafficmanager.net/teams/')),
  TEAMS_GRAPH_URL: optional(url(['http:', 'https:'], 'https://graph.microsoft.com/v1.0')),
  TEAMS_AUTHORITY_URL: optional(url(['http:', 'https:'], 'https://login.microsoftonline.com')),
  TEAMS_PUBLIC_URL: optional(url(['http:', 'https:'], 'https://muster.example.org')),
  TEAMS_ALLOW_UNAUTHENTICATED: optional(
    text.refine((v) => v === 'true' || v === 'false', {
      error: (issue) => `${shown(String(issue.input))} is not true or false`,
    }),
  ),
  DATABASE_URL: optional(secretUrl(['postgres:', 'postgresql:'], 'postgres://user@host:5432/muster')),
  MUSTER_PG_SCHEMA: optional(
    text.refine((v) => isSchemaName(v), {
      error: (issue) =>
        `${shown(String(issue.input))} is not a lower-case schema name (letters, digits and underscores)`,
    }),
  ),
  MUSTER_RETENTION_DAYS: optional(positiveInt),
  MUSTER_RETENTION_KEEP_EXPORT_DIR: optional(text),
  MUSTER_COORDINATORS: optional(
    text.refine((v) => coordinatorIds(v).every((id) => /^(slack|teams|console):\S+$/.test(id)), {
      error:
        'is not a comma-separated list of platform user ids such as slack:U0123,teams:<Entra user object id>,console:<contact id>',
    }),
  ),
  MUSTER_COORDINATOR_GROUPS: optional(
    text.refine((v) => coordinatorIds(v).every(isCoordinatorGroup), {
      error: (issue) =>
        `${shown(coordinatorIds(String(issue.input)).find((id) => !isCoordinatorGroup(id)) ?? String(issue.input))} is not a user group such as slack:S0123ABCD (a Slack user group id) or teams:<Entra group object id>; separate several with commas`,
    }),
  ),
});

const SLACK_GROUP = /^slack:S[A-Z0-9]+$/;
const TEAMS_GROUP = /^teams:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `slack:S0123ABCD` (a Slack user group id) or `teams:` and an Entra group's object id (a GUID). */
export const isCoordinatorGroup = (id: string): boolean => SLACK_GROUP.test(id) || TEAMS_GROUP.test(id);

/** `slack:U1, teams:29:x` → `['slack:U1', 'teams:29:x']`. */
function coordinatorIds(value: string): string[] {
  return value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
}

type Env = z.infer<typeof envSchema>;

/** Every variable Muster reads, for documentation and the .env.example check. */
export const CONFIG_VARIABLES = Object.keys(envSchema.shape) as (keyof Env)[];

/** Reads the configuration or throws `invalid_config` naming every bad variable. */
export function loadConfig(environment: NodeJS.ProcessEnv): Config {
  // An empty value (`SLACK_BOT_TOKEN=` in a .env file) means "not set".
  const present = Object.fromEntries(
    CONFIG_VARIABLES.map((key) => [key, environment[key]?.trim()] as const).filter(
      ([, value]) => value !== undefined && value !== '',
    ),
  );
  const result = envSchema.safeParse(present);
  const problems: ProblemDetail[] = result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  if (result.success) problems.push(...pairProblems(result.data));
  if (!result.success || problems.length > 0) {
    throw new MusterError(
      ErrorCode.InvalidConfig,
      'The environment is not a valid Muster configuration.',
      problems,
    );
  }
  return toConfig(result.data);
}

/** Variables that only make sense together. */
function pairProblems(env: Env): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
    problems.push({
      path: 'SLACK_SIGNING_SECRET',
      message:
        'is missing: Slack needs SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode) with SLACK_BOT_TOKEN',
    });
  }
  for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL'] as const) {
    if (env[name] && !env.SLACK_BOT_TOKEN)
      problems.push({ path: 'SLACK_BOT_TOKEN', message: `is missing but ${name} is set` });
  }
  problems.push(...teamsPairProblems(env));
  if (env.MUSTER_PG_SCHEMA && !env.DATABASE_URL)
    problems.push({ path: 'DATABASE_URL', message: 'is missing but MUSTER_PG_SCHEMA is set' });
  problems.push(...coordinatorGroupProblems(env));
  // One message per missing variable is enough.
  return problems.filter((p, i) => problems.findIndex((q) => q.path === p.path) === i);
}

/** A group is read from its platform, so that platform must be configured. */
function coordinatorGroupProblems(env: Env): ProblemDetail[] {
  const groups = env.MUSTER_COORDINATOR_GROUPS ? coordinatorIds(env.MUSTER_COORDINATOR_GROUPS) : [];
  const problems: ProblemDetail[] = [];
  if (groups.some((g) => g.startsWith('slack:')) && !env.SLACK_BOT_TOKEN)
    problems.push({
      path: 'MUSTER_COORDINATOR_GROUPS',
      message: 'names a Slack user group but SLACK_BOT_TOKEN is not set, so Muster cannot read its members',
    });
  if (
    groups.some((g) => g.startsWith('teams:')) &&
    !env.TEAMS_APP_ID &&
    env.TEAMS_ALLOW_UNAUTHENTICATED !== 'true'
  )
    problems.push({
      path: 'MUSTER_COORDINATOR_GROUPS',
      message: 'names a Teams (Entra) group but TEAMS_APP_ID is not set, so Muster cannot read its members',
    });
  return problems;
}

const TEAMS_SETTINGS = [
  'TEAMS_APP_PASSWORD',
  'TEAMS_TENANT_ID',
  'TEAMS_TEAM_ID',
  'TEAMS_COORDINATION_CHANNEL',
  'TEAMS_SERVICE_URL',
  'TEAMS_GRAPH_URL',
  'TEAMS_AUTHORITY_URL',
  'TEAMS_PUBLIC_URL',
] as const;

/** Teams runs with its app registration, or unauthenticated only when that is asked for by name. */
function teamsPairProblems(env: Env): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const unauthenticated = env.TEAMS_ALLOW_UNAUTHENTICATED === 'true';
  if (env.TEAMS_APP_ID) {
    if (unauthenticated)
      problems.push({
        path: 'TEAMS_ALLOW_UNAUTHENTICATED',
        message: 'must not be true with TEAMS_APP_ID: a registered bot always checks the tokens Teams sends',
      });
    for (const name of ['TEAMS_APP_PASSWORD', 'TEAMS_TENANT_ID'] as const) {
      if (!env[name]) problems.push({ path: name, message: `is missing: Teams needs it with TEAMS_APP_ID` });
    }
  } else if (!unauthenticated) {
    for (const name of TEAMS_SETTINGS) {
      if (env[name]) problems.push({ path: 'TEAMS_APP_ID', message: `is missing but ${name} is set` });
    }
  } else if (env.TEAMS_APP_PASSWORD || env.TEAMS_TENANT_ID) {
    problems.push({
      path: 'TEAMS_APP_ID',
      message: 'is missing but TEAMS_APP_PASSWORD or TEAMS_TENANT_ID is set',
    });
  }
  return problems;
}

function toTeamsConfig(env: Env): TeamsConfig | undefined {
  const allowUnauthenticated = !env.TEAMS_APP_ID && env.TEAMS_ALLOW_UNAUTHENTICATED === 'true';
  if (!env.TEAMS_APP_ID && !allowUnauthenticated) return undefined;
  const set = <K extends string>(key: K, value: string | undefined) => (value ? { [key]: value } : {});
  return {
    ...set('appId', env.TEAMS_APP_ID),
    ...set('appPassword', env.TEAMS_APP_PASSWORD),
    ...set('tenantId', env.TEAMS_TENANT_ID),
    ...set('teamId', env.TEAMS_TEAM_ID),
    ...set('coordinationChannel', env.TEAMS_COORDINATION_CHANNEL),
    ...set('serviceUrl', env.TEAMS_SERVICE_URL),
    ...set('graphUrl', env.TEAMS_GRAPH_URL),
    ...set('authorityUrl', env.TEAMS_AUTHORITY_URL),
    ...set('publicUrl', env.TEAMS_PUBLIC_URL),
    ...(allowUnauthenticated ? { allowUnauthenticated } : {}),
  };
}

const teamsPart = (teams: TeamsConfig | undefined) => (teams ? { teams } : {});

function toConfig(env: Env): Config {
  return {
    port: env.PORT === undefined ? DEFAULT_PORT : Number(env.PORT),
    dataDir: env.MUSTER_DATA_DIR ?? DEFAULT_DATA_DIR,
    ...(env.MUSTER_PROTOCOL ? { protocolPath: env.MUSTER_PROTOCOL } : {}),
    directoryPath: env.MUSTER_DIRECTORY ?? DEFAULT_DIRECTORY_PATH,
    tickCron: env.MUSTER_TICK_CRON ?? DEFAULT_TICK_CRON,
    logLevel: (env.LOG_LEVEL as LogLevel | undefined) ?? 'info',
    ...(env.SLACK_BOT_TOKEN
      ? {
          slack: {
            botToken: env.SLACK_BOT_TOKEN,
            ...(env.SLACK_SIGNING_SECRET ? { signingSecret: env.SLACK_SIGNING_SECRET } : {}),
            ...(env.SLACK_APP_TOKEN ? { appToken: env.SLACK_APP_TOKEN } : {}),
            ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}),
          },
        }
      : {}),
    ...teamsPart(toTeamsConfig(env)),
    ...(env.MUSTER_COORDINATION_CHANNEL ? { coordinationChannel: env.MUSTER_COORDINATION_CHANNEL } : {}),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.DATABASE_URL && env.MUSTER_PG_SCHEMA ? { databaseSchema: env.MUSTER_PG_SCHEMA } : {}),
    ...(env.MUSTER_RETENTION_DAYS ? { retentionDays: Number(env.MUSTER_RETENTION_DAYS) } : {}),
    ...(env.MUSTER_RETENTION_KEEP_EXPORT_DIR
      ? { retentionKeepExportDir: env.MUSTER_RETENTION_KEEP_EXPORT_DIR }
      : {}),
    ...(env.MUSTER_COORDINATORS ? { coordinators: coordinatorIds(env.MUSTER_COORDINATORS) } : {}),
    ...(env.MUSTER_COORDINATOR_GROUPS
      ? { coordinatorGroups: coordinatorIds(env.MUSTER_COORDINATOR_GROUPS) }
      : {}),
  };
}

/**
 * Just the database variables, for the `db` commands: they need nothing else,
 * so an unrelated bad variable (a Slack token) does not stop a migration.
 * `undefined` when DATABASE_URL is not set.
 */
export function databaseFromEnv(
  environment: Readonly<Record<string, string | undefined>>,
): { url: string; schema?: string } | undefined {
  const present = (name: 'DATABASE_URL' | 'MUSTER_PG_SCHEMA') => environment[name]?.trim() || undefined;
  const subset = envSchema.pick({ DATABASE_URL: true, MUSTER_PG_SCHEMA: true });
  const result = subset.safeParse({
    DATABASE_URL: present('DATABASE_URL'),
    MUSTER_PG_SCHEMA: present('MUSTER_PG_SCHEMA'),
  });
  if (!result.success) {
    throw new MusterError(
      ErrorCode.InvalidConfig,
      'The database settings are not valid.',
      result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  }
  const { DATABASE_URL: url, MUSTER_PG_SCHEMA: schema } = result.data;
  if (!url) return undefined;
  return schema ? { url, schema } : { url };
}

/** The one line printed when the configuration is refused: `muster: PORT: "x" is not a port number (0–65535)`. */
export function configErrorLine(error: MusterError): string {
  const problems = error.details.map((d) => `${d.path}: ${d.message}`);
  return `muster: ${problems.length > 0 ? problems.join('; ') : error.message}`;
}
