/**
 * Errors a user or operator can hit. Each carries a stable code (for tests,
 * logs and platform renderers) and a plain-English message saying what to do
 * next. `details` lists every problem found, each with the path it concerns.
 */
export const ErrorCode = {
  InvalidInput: 'invalid_input',
  InvalidTransition: 'invalid_transition',
  NotFound: 'not_found',
  Conflict: 'conflict',
  CorruptData: 'corrupt_data',
  InvalidProtocol: 'invalid_protocol',
  InvalidDirectory: 'invalid_directory',
  InvalidConfig: 'invalid_config',
  StoreLocked: 'store_locked',
  /** A write to a store opened read-only (the CLI's view of a directory the bot may be using). */
  ReadOnly: 'read_only',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ProblemDetail {
  /** Where the problem is: a field path (`milestones.2.offset.unit`), a CSV row (`row 7`), a variable name. */
  path: string;
  message: string;
}

export class MusterError extends Error {
  readonly code: ErrorCode;
  readonly details: ProblemDetail[];

  constructor(code: ErrorCode, message: string, details: ProblemDetail[] = []) {
    super(message);
    this.name = 'MusterError';
    this.code = code;
    this.details = details;
  }

  /** The message followed by one line per problem, for terminals and logs. */
  describe(): string {
    if (this.details.length === 0) return this.message;
    return [this.message, ...this.details.map((d) => `  - ${d.path || '(root)'}: ${d.message}`)].join('\n');
  }
}

export function isMusterError(error: unknown, code?: ErrorCode): error is MusterError {
  return error instanceof MusterError && (code === undefined || error.code === code);
}

/** What `parseOrThrow` needs of a schema (zod's `safeParse`), so this module does not depend on zod. */
interface SafeParser<T> {
  safeParse(input: unknown):
    | { success: true; data: T }
    | {
        success: false;
        error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> };
      };
}

/** Parses `input` or throws a `code` error listing every problem the schema found. */
export function parseOrThrow<T>(schema: SafeParser<T>, input: unknown, code: ErrorCode, message: string): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new MusterError(code, message, problemsFromZod(result.error.issues));
  return result.data;
}

/** Turns zod issues into problem details (`path` joined with dots). */
export function problemsFromZod(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): ProblemDetail[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
