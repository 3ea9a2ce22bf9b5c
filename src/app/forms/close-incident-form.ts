/**
 * The form `/incident close` opens: why the incident is closed. Seed 000 ends
 * the response with the final report to List 1; once that milestone is met a
 * reason is optional ("Final report circulated."), before it one is required,
 * so an early close always says why. Submitting checks the role again (only
 * the SIO or a coordinator), closes, brings the pinned card up to date while
 * the space can still be written to, then archives the space.
 */
import type { Incident } from '../../core/incident/incident.js';
import {
  type ArchiveOutcome,
  archiveIncidentSpace,
  CLOSE_REASON_MAX,
  checkCloseRole,
  closeIncident,
} from '../close-incident.js';
import type { CommandDeps, CommandOutcome, CommandScope } from '../commands/command-outcome.js';
import { refreshIncidentCard } from '../refresh-incident-card.js';
import { invalidInput } from '../validate-input.js';
import type { FormHandler } from './form-handler.js';
import type { FormDefinition, FormSubmission } from './form-model.js';

export const CLOSE_INCIDENT_FORM_ID = 'close-incident';

/** The milestone whose being met makes a reason optional. */
const FINAL_REPORT = 'final-report';

/** The reason recorded when none is given after the final report was circulated. */
export const FINAL_REPORT_REASON = 'Final report circulated.';

const finalReportMet = (incident: Incident) => Boolean(incident.completions[FINAL_REPORT]);

export function closeIncidentForm(incident: Incident): FormDefinition {
  const reportMet = finalReportMet(incident);
  const after =
    'Closing archives the channel: it stays readable, /incident export still sends the documents, and /incident reopen brings it back.';
  return {
    id: CLOSE_INCIDENT_FORM_ID,
    title: `Close ${incident.reference}`,
    submitLabel: 'Close incident',
    intro: reportMet
      ? `The final report has been circulated, so a reason is optional. ${after}`
      : `The final report has not been circulated yet, so say why ${incident.reference} is closed now. ${after}`,
    context: { reference: incident.reference },
    fields: [
      {
        id: 'reason',
        label: 'Reason for closing',
        kind: 'textarea',
        required: !reportMet,
        maxLength: CLOSE_REASON_MAX,
        ...(reportMet
          ? { hint: `Left blank, the reason recorded is "${FINAL_REPORT_REASON}"` }
          : { placeholder: 'e.g. Merged into SV-2027-0040; the partnership agreed no further action' }),
      },
    ],
  };
}

const text = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The reason typed, else the final report's, else refused on the `reason` field. */
function reasonFrom(incident: Incident, submission: FormSubmission): string {
  const typed = text(submission.values.reason)?.trim() ?? '';
  if (typed) return typed;
  if (finalReportMet(incident)) return FINAL_REPORT_REASON;
  throw invalidInput([
    {
      path: 'reason',
      message: `say why ${incident.reference} is closed: its final report has not been circulated yet`,
    },
  ]);
}

async function submit(
  deps: CommandDeps,
  scope: CommandScope,
  submission: FormSubmission,
): Promise<CommandOutcome> {
  const { incident, by, requester } = scope;
  const role = await checkCloseRole(deps, incident, { by, ...requester }, 'close');
  if (!role.allowed) return { refused: true, message: role.reason };
  const reason = reasonFrom(incident, submission);
  await closeIncident(deps, { reference: incident.reference, reason, by });

  // The card first: once the space is archived nothing in it can be updated.
  const cardUpdated = await refreshIncidentCard(deps, incident.reference).then(
    () => true,
    () => false,
  );
  const archive = await archiveIncidentSpace(deps, incident.reference, by);
  return { message: closedMessage(incident.reference, reason, archive, cardUpdated), refreshCard: false };
}

function closedMessage(
  reference: string,
  reason: string,
  archive: ArchiveOutcome,
  cardUpdated: boolean,
): string {
  const lines = [`${reference} is closed (reason: ${reason.replace(/[.!?]+$/, '')}).`];
  if (archive === 'archived')
    lines.push(
      `Its channel is archived and stays readable. /incident export still works (the files come to you directly), and /incident reopen ${reference} brings it back.`,
    );
  if (archive === 'failed')
    lines.push('Its channel could not be archived, so it is still open for posting: archive it by hand.');
  if (!cardUpdated) lines.push('The pinned incident card could not be updated.');
  return lines.join(' ');
}

export const closeIncidentFormHandler: FormHandler = {
  id: CLOSE_INCIDENT_FORM_ID,
  rebuild: (_deps: CommandDeps, incident: Incident) => closeIncidentForm(incident),
  submit,
};
