/**
 * A `Logger` that keeps what it is told, for asserting on log output.
 */
import type { LogFields, Logger } from '../../src/adapters/logging/logger.js';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields: LogFields;
}

export class RecordingLogger implements Logger {
  readonly entries: LogEntry[] = [];
  debug(message: string, fields: LogFields = {}) {
    this.entries.push({ level: 'debug', message, fields });
  }
  info(message: string, fields: LogFields = {}) {
    this.entries.push({ level: 'info', message, fields });
  }
  warn(message: string, fields: LogFields = {}) {
    this.entries.push({ level: 'warn', message, fields });
  }
  error(message: string, fields: LogFields = {}) {
    this.entries.push({ level: 'error', message, fields });
  }
  messages(level?: LogEntry['level']): string[] {
    return this.entries.filter((e) => !level || e.level === level).map((e) => e.message);
  }
}
