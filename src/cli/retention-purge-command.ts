/**
 * `muster retention purge [--dry-run] [--days N] [--keep-export DIR]`: the
 * daily retention purge, run by hand. `--dry-run` lists the closed incidents
 * that would go (reading only, so it runs beside the bot); a real run also
 * removes what the chat platforms kept in the data directory, so it needs the
 * bot stopped: on the embedded store the data directory's lock says so; on
 * PostgreSQL (DATABASE_URL) the help says so, since a running console would
 * write its history back.
 */
import { loadDirectoryFromPath } from '../adapters/directory/directory-file.js';
import { openPlatformFiles } from '../adapters/shared/platform-files.js';
import { refreshDirectory } from '../app/directory/live-directory.js';
import { formatLocal } from '../app/local-time.js';
import { keepExportIn } from '../app/retention/keep-export.js';
import { purgeClosedIncidents, type RetentionResult } from '../app/retention/purge-closed-incidents.js';
import { DEFAULT_DIRECTORY_PATH } from '../config.js';
import { HELP_OPTION, parseCommandArgs } from './cli-args.js';
import { type CliCommand, type CliIo, CliUsageError, EXIT_FAILURE, EXIT_OK } from './cli-io.js';
import { PROTOCOL_OPTION, protocolFor } from './cli-protocol.js';
import { dataDirOf, withStore } from './cli-store.js';
import { renderTable } from './text-table.js';

const OPTIONS = {
  ...HELP_OPTION,
  ...PROTOCOL_OPTION,
  'dry-run': { type: 'boolean' },
  days: { type: 'string' },
  'keep-export': { type: 'string' },
} as const;

const HELP = `Usage: muster retention purge [--dry-run] [--days N] [--keep-export DIR]

Purges closed incidents whose last change is more than N days old: the
incident, its audit, its reminders, and what the chat platforms kept of it
in the data directory (the console's history, Teams' exported files). Each
purge is logged (reference and dates only): the incident_purges table when
$DATABASE_URL is set, else the data directory's purges.jsonl. The bot does
this daily when MUSTER_RETENTION_DAYS is set; a real run here needs the bot
stopped (it keeps the console's history in memory and would write it back).

Options:
  --dry-run          list what would be purged; change nothing
  --days N           days after closing (default: $MUSTER_RETENTION_DAYS)
  --keep-export DIR  keep each incident's final report (DOCX) in DIR first
                     (default: $MUSTER_RETENTION_KEEP_EXPORT_DIR)
  --protocol FILE    the protocol for the report's dates (default: $MUSTER_PROTOCOL)
  -h, --help         show this help`;

export const retentionPurgeCommand: CliCommand = {
  name: 'retention purge',
  summary: 'purge closed incidents past MUSTER_RETENTION_DAYS (--dry-run lists them)',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, help } = parseCommandArgs('retention purge', args, OPTIONS);
    if (help) {
      io.stdout(`${HELP}\n`);
      return EXIT_OK;
    }
    const retentionDays = parseDays(values.days ?? io.env.MUSTER_RETENTION_DAYS);
    const dryRun = values['dry-run'] === true;
    const keepDir = values['keep-export'] ?? io.env.MUSTER_RETENTION_KEEP_EXPORT_DIR;
    const protocol = await protocolFor(values.protocol, io);
    const directory = await loadDirectoryFromPath(io.env.MUSTER_DIRECTORY ?? DEFAULT_DIRECTORY_PATH);
    const result = await withStore(io, { readOnly: dryRun }, async (store) => {
      await refreshDirectory({ store, directory });
      // Opened once the store is (its lock held on the embedded store), and only for a real run.
      const platformFiles = dryRun ? undefined : await openPlatformFiles(dataDirOf(io), store);
      try {
        return await purgeClosedIncidents(
          { store, clock: io.clock, protocol, directory },
          {
            retentionDays,
            dryRun,
            ...(keepDir ? { keepExport: keepExportIn(keepDir) } : {}),
            ...(platformFiles ? { forgetIncident: platformFiles.forgetIncident } : {}),
          },
        );
      } finally {
        await platformFiles?.close();
      }
    });
    report(io, result, dryRun, protocol.calendar.zone);
    return result.failed.length > 0 ? EXIT_FAILURE : EXIT_OK;
  },
};

function parseDays(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '')
    throw new CliUsageError('say how many days to keep closed incidents: --days N or MUSTER_RETENTION_DAYS');
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1)
    throw new CliUsageError(`--days: "${raw}" is not a whole number of days above 0`);
  return days;
}

function report(io: CliIo, result: RetentionResult, dryRun: boolean, zone: string): void {
  const before = formatLocal(result.cutOff, zone);
  if (result.purged.length === 0 && result.failed.length === 0) {
    io.stdout(`No closed incidents last changed before ${before}; nothing to purge.\n`);
    return;
  }
  if (result.purged.length > 0) {
    io.stdout(
      dryRun
        ? `Would purge ${result.purged.length} closed incident(s) last changed before ${before}:\n`
        : `Purged ${result.purged.length} closed incident(s) last changed before ${before}:\n`,
    );
    const rows = result.purged.map((p) => [
      p.reference,
      formatLocal(p.closedAt, zone),
      dryRun ? '—' : p.exportKept ? 'yes' : 'no',
    ]);
    io.stdout(`${renderTable(['REFERENCE', 'CLOSED', 'REPORT KEPT'], rows)}\n`);
  }
  for (const failure of result.failed)
    io.stderr(`muster: ${failure.reference} was not purged: ${failure.error}\n`);
}
