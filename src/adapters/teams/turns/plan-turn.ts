/**
 * `plan …` typed to the bot in Teams (its personal chat, or with an
 * @mention): the strategic plan commands of `app/plans/plan-command.ts`,
 * answered as text, with the commands written the way Teams users type
 * them. Leads asked in a round get the plan update card in their chat; the
 * board report is uploaded to the person. `plan import` takes the CSV/XLSX
 * files attached to the same message, which Teams hands the bot only in its
 * personal chat: they are checked against the import's limits, fetched from
 * SharePoint (`attached-files.ts` says which hosts) and given to the use case,
 * which decides everything else.
 */
import type { Attachment } from '@microsoft/agents-activity';
import { checkImportFiles, PLAN_IMPORT_LIMITS, planFileTooLarge } from '../../../app/plans/import-plan.js';
import { type PlanRequester, requireCoordinator } from '../../../app/plans/plan-access.js';
import { type PlanCommand, parsePlanCommand } from '../../../app/plans/plan-command.js';
import { cardNotifier } from '../../../app/plans/plan-notifier.js';
import type { PlanFile } from '../../../app/plans/read-plan-file.js';
import { runPlanCommand } from '../../../app/plans/run-plan-command.js';
import { userMessage } from '../../../app/user-message.js';
import type { Actor } from '../../../core/actor.js';
import { isMusterError } from '../../../core/errors.js';
import { DownloadError, downloadFile } from '../../shared/download-file.js';
import type { TeamsContext } from '../teams-context.js';
import { type TurnAnswer, textAnswer } from './answers.js';
import { type AttachedFile, attachedFiles, isDownloadAllowed, loggableHost } from './attached-files.js';
import type { TeamsPerson, TeamsWhere } from './turn-facts.js';

const PLAN_WORD = /^\/?plan\b/i;

/** True when the words after the bot's name are a `plan …` command. */
export function isPlanCommand(words: string): boolean {
  return PLAN_WORD.test(words.trim());
}

export interface PlanTurn {
  words: string;
  person: TeamsPerson;
  where: TeamsWhere;
  /** The message's attachments: the plan's files, for `plan import`. */
  attachments: readonly Attachment[];
}

export async function runPlanTurn(ctx: TeamsContext, turn: PlanTurn): Promise<TurnAnswer> {
  const command = parsePlanCommand(turn.words.trim().replace(PLAN_WORD, ''));
  const who = requesterOf(turn.person);
  let files: PlanFile[] = [];
  if (command.kind === 'import') {
    const fetched = await importFiles(ctx, command, turn, who);
    if ('refused' in fetched) return planAnswer(fetched.refused);
    files = fetched.files;
  }
  const outcome = await runPlanCommand(
    { ...ctx.deps, platform: ctx.platform, notifier: cardNotifier([ctx.platform], ctx.deps.directory) },
    { command, ...who, files },
  );
  return planAnswer(outcome.message);
}

/** The person as the plan use cases know them: their actor, with the directory contact when known. */
function requesterOf(person: TeamsPerson): { by: Actor; requester: PlanRequester } {
  const contactId = person.contact?.id;
  return {
    by: contactId ? { ...person.actor, contactId } : person.actor,
    requester: { ...(contactId ? { contactId } : {}), ...(person.email ? { email: person.email } : {}) },
  };
}

const planAnswer = (text: string) => textAnswer(text.replace(/\/plan\b/g, 'plan'));

type Fetched = { files: PlanFile[] } | { refused: string };

/** The files attached for `plan import`, downloaded; or why they cannot be, for the person. */
async function importFiles(
  ctx: TeamsContext,
  command: Extract<PlanCommand, { kind: 'import' }>,
  turn: PlanTurn,
  who: { by: Actor; requester: PlanRequester },
): Promise<Fetched> {
  const usage = `plan import ${command.planId}${command.title ? ` ${command.title}` : ''}`;
  // Nothing is fetched for someone the import would refuse anyway.
  try {
    requireCoordinator(ctx.deps.directory, who.by, who.requester, 'import a plan', ctx.deps.coordinators);
  } catch (error) {
    if (isMusterError(error)) return { refused: userMessage(error) };
    throw error;
  }
  if (turn.where.kind !== 'personal') {
    return {
      refused: `Import the plan in your personal chat with Muster: Teams does not hand the bot files shared in a channel or group chat. Open the chat with Muster, type "${usage}" and attach the CSV or XLSX file to that message.`,
    };
  }
  const attached = attachedFiles(turn.attachments);
  if (attached.length === 0) {
    return {
      refused: `Nothing was imported: no file came with the message. Attach the plan's CSV or XLSX file (and the indicators', if they are separate) to the same message as "${usage}", here in your personal chat with Muster, and send it again.`,
    };
  }
  try {
    // Teams says no sizes: this counts the files, and each download keeps to the size limit.
    checkImportFiles(attached.map((f) => ({ filename: f.filename })));
  } catch (error) {
    if (isMusterError(error)) return { refused: userMessage(error) };
    throw error;
  }
  const foreign = attached.find((f) => !isDownloadAllowed(f.url, !ctx.authenticated));
  if (foreign) {
    ctx.logger.warn('refused a file attached in Teams: its link is not on SharePoint', {
      host: loggableHost(foreign.url),
    });
    return {
      refused: `Nothing was imported: ${foreign.filename} is not a file Teams keeps in SharePoint or OneDrive, the only places Muster fetches files from. Attach the file from your computer or OneDrive to the message and send it again.`,
    };
  }
  const files: PlanFile[] = [];
  for (const file of attached) {
    const content = await download(ctx, file);
    if ('refused' in content) return content;
    files.push({ filename: file.filename, content: content.bytes });
  }
  return { files };
}

async function download(
  ctx: TeamsContext,
  file: AttachedFile,
): Promise<{ bytes: Buffer } | { refused: string }> {
  try {
    const bytes = await downloadFile(file.url, {
      filename: file.filename,
      maxBytes: PLAN_IMPORT_LIMITS.bytesPerFile,
      tooLarge: planFileTooLarge,
      // The host rule that cleared the link holds for every hop.
      mayFollow: (url) => isDownloadAllowed(url, !ctx.authenticated),
    });
    return { bytes };
  } catch (error) {
    if (isMusterError(error)) return { refused: userMessage(error) };
    if (!(error instanceof DownloadError)) throw error;
    ctx.logger.error('could not download a file attached in Teams', { host: loggableHost(file.url), error });
    return {
      refused: `Muster could not fetch ${file.filename} from Teams, so nothing was imported. It has been logged; attach the file and send the message again in a minute (Teams' link to a file lasts only a short while).`,
    };
  }
}
