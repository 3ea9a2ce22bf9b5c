/**
 * `muster incidents list`: every incident in the data directory with its
 * status and next deadline, optionally filtered by status.
 */
import { listIncidents } from '../app/list-incidents.js';
import { formatLocal } from '../app/local-time.js';
import { INCIDENT_STATUSES, type IncidentStatus } from '../core/incident/incident.js';
import { HELP_OPTION, parseCommandArgs } from './cli-args.js';
import { type CliCommand, type CliIo, CliUsageError, EXIT_OK } from './cli-io.js';
import { PROTOCOL_OPTION, protocolFor } from './cli-protocol.js';
import { withStore } from './cli-store.js';
import { renderTable } from './text-table.js';

const OPTIONS = { ...HELP_OPTION, ...PROTOCOL_OPTION, status: { type: 'string', multiple: true } } as const;

const HELP = `Usage: muster incidents list [--status STATUS]...

Lists the incidents in the bot's store (PostgreSQL when $DATABASE_URL is
set, else the data directory $MUSTER_DATA_DIR, default ./data): reference,
area, status, when it occurred and the next deadline.

Options:
  --status STATUS   only incidents with this status (repeat or comma-separate
                    for several): ${INCIDENT_STATUSES.join(', ')}
  --protocol FILE   the protocol the deadlines follow (default: $MUSTER_PROTOCOL,
                    else the Northamptonshire protocol)
  -h, --help        show this help`;

export const incidentsListCommand: CliCommand = {
  name: 'incidents list',
  summary: 'list incidents with their status and next deadline',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, help } = parseCommandArgs('incidents list', args, OPTIONS);
    if (help) {
      io.stdout(`${HELP}\n`);
      return EXIT_OK;
    }
    const status = parseStatuses(values.status);
    const protocol = await protocolFor(values.protocol, io);
    const zone = protocol.calendar.zone;
    const listings = await withStore(io, { readOnly: true }, (store) =>
      listIncidents({ store, clock: io.clock, protocol }, status ? { status } : {}),
    );
    if (listings.length === 0) {
      io.stdout(status ? `No incidents with status ${status.join(' or ')}.\n` : 'No incidents.\n');
      return EXIT_OK;
    }
    const rows = listings.map(({ summary, next }) => [
      summary.reference,
      summary.area,
      summary.status,
      formatLocal(summary.occurredAt, zone),
      next ? `${next.id} ${formatLocal(next.due!)}${next.state === 'overdue' ? ' (overdue)' : ''}` : '—',
    ]);
    io.stdout(`${renderTable(['REFERENCE', 'AREA', 'STATUS', 'OCCURRED', 'NEXT DEADLINE'], rows)}\n`);
    return EXIT_OK;
  },
};

function parseStatuses(values: string[] | undefined): IncidentStatus[] | undefined {
  if (!values) return undefined;
  const statuses = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const s of statuses) {
    if (!(INCIDENT_STATUSES as readonly string[]).includes(s)) {
      throw new CliUsageError(`--status: "${s}" is not a status (${INCIDENT_STATUSES.join(', ')})`);
    }
  }
  return statuses as IncidentStatus[];
}
