/**
 * `muster incident show REF`: one incident's facts, its timeline now, which
 * agencies have acknowledged, and its latest audit events.
 */
import { getIncidentOverview, type IncidentOverview } from '../app/incident-overview.js';
import { formatLocal } from '../app/local-time.js';
import { HELP_OPTION, parseCommandArgs } from './cli-args.js';
import { type CliCommand, type CliIo, CliUsageError, EXIT_OK } from './cli-io.js';
import { PROTOCOL_OPTION, protocolFor } from './cli-protocol.js';
import { withStore } from './cli-store.js';
import { renderTable } from './text-table.js';
import { timelineTable } from './timeline-presenter.js';

const OPTIONS = { ...HELP_OPTION, ...PROTOCOL_OPTION, events: { type: 'string' } } as const;

const HELP = `Usage: muster incident show REF [--events N]

Shows one incident (REF such as SV-2027-0042) from the bot's store
(PostgreSQL when $DATABASE_URL is set, else the data directory
$MUSTER_DATA_DIR, default ./data): its facts, the timeline of milestones,
the agencies' acknowledgements and the latest events.

Options:
  --events N        how many of the latest events to show (default 10)
  --protocol FILE   the protocol the timeline follows (default: $MUSTER_PROTOCOL,
                    else the Northamptonshire protocol)
  -h, --help        show this help`;

export const incidentShowCommand: CliCommand = {
  name: 'incident show',
  summary: 'show one incident: facts, timeline, acknowledgements, events',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals, help } = parseCommandArgs('incident show', args, OPTIONS, 1);
    if (help) {
      io.stdout(`${HELP}\n`);
      return EXIT_OK;
    }
    const reference = positionals[0];
    if (!reference)
      throw new CliUsageError('incident show: give the incident reference (such as SV-2027-0042)');
    const events = values.events === undefined ? 10 : Number(values.events);
    if (!Number.isInteger(events) || events < 0)
      throw new CliUsageError(`--events: "${values.events}" is not a whole number`);
    const protocol = await protocolFor(values.protocol, io);
    const overview = await withStore(io, { readOnly: true }, (store) =>
      getIncidentOverview({ store, clock: io.clock, protocol }, reference, { events }),
    );
    io.stdout(`${render(overview, protocol.calendar.zone)}\n`);
    return EXIT_OK;
  },
};

function render(
  { incident, timeline, agencies, reminders, recentEvents }: IncidentOverview,
  zone: string,
): string {
  const local = (iso: string) => formatLocal(iso, zone);
  const meetings = incident.meetings.map(
    (m) => `${m.kind} ${m.status} ${local(m.at)}${m.chair ? ` (chair ${m.chair.name})` : ''}`,
  );
  const facts: [string, string][] = [
    ['Status', incident.status + (incident.closedReason ? ` (${incident.closedReason})` : '')],
    [
      'Area',
      incident.area +
        (incident.knockOnAreas.length ? ` (knock-on: ${incident.knockOnAreas.join(', ')})` : ''),
    ],
    ['Category', incident.category],
    ['Weapon', incident.weapon],
    ['Occurred', local(incident.occurredAt)],
    ['Notified', incident.notifiedAt ? local(incident.notifiedAt) : '—'],
    ['Location', incident.location],
    ['Description', incident.description],
    ['SIO', incident.sio.name],
    ['Reported by', incident.reportedBy.name],
    ['Meetings', meetings.length ? meetings.join('; ') : 'none yet'],
  ];
  const acknowledged = agencies.filter((a) => a.acknowledgedAt).length;
  const unsent = reminders.filter((r) => !r.sentAt).length;
  return [
    incident.title,
    renderTable(['', ''], facts, '  ').split('\n').slice(1).join('\n'),
    '',
    'Timeline',
    timelineTable(timeline, '  '),
    '',
    `Acknowledgements (${acknowledged} of ${agencies.length} agencies)`,
    agencies.length
      ? renderTable(
          ['AGENCY', 'LIST', 'ACKNOWLEDGED'],
          agencies.map((a) => [
            a.agencyId,
            a.lists.join('+'),
            a.acknowledgedAt ? `${local(a.acknowledgedAt)} by ${a.acknowledgedBy}` : 'not yet',
          ]),
          '  ',
        )
      : '  no agencies were notified',
    '',
    `Reminders: ${unsent} waiting, ${reminders.length - unsent} sent or settled`,
    '',
    `Latest events (${recentEvents.length})`,
    recentEvents.length
      ? renderTable(
          ['WHEN', 'WHO', 'WHAT', 'SUMMARY'],
          recentEvents.map((e) => [local(e.at), e.actor.name, e.type, e.summary]),
          '  ',
        )
      : '  none',
  ].join('\n');
}
