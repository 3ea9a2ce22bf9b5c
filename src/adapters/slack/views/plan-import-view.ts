/**
 * Importing a strategic plan on Slack. A slash command cannot carry a file,
 * so `/plan import <plan-id> [title]` opens this modal: a file input (CSV or
 * XLSX, the seeds' action and indicator tables) and the plan's title. On
 * submission the files' names and Slack's sizes are checked first (a refusal
 * stays in the modal, under the file input); then the modal shows that the
 * import is under way, Slack is asked for each file (`files.info`) and the
 * bytes fetched, and the app's `runPlanCommand` imports them, all or nothing.
 * The modal then says how it went: the plan's counts, or every bad row with
 * its number. A double submission imports once.
 */
import type { types, ViewOutput } from '@slack/bolt';
import { checkImportFiles, PLAN_IMPORT_LIMITS, planFileTooLarge } from '../../../app/plans/import-plan.js';
import { runPlanCommand } from '../../../app/plans/run-plan-command.js';
import { userMessage } from '../../../app/user-message.js';
import { isMusterError } from '../../../core/errors.js';
import { DownloadError } from '../../shared/download-file.js';
import { partnershipRequester, planDeps } from '../access/partnership-requester.js';
import { escapeMrkdwn, fitBlocks, LIMITS, sectionsFromLines } from '../blocks/block-kit.js';
import { CALLBACKS } from '../ids.js';
import { fitText, SLACK_LIMITS } from '../modals/form-modal.js';
import { UntrustedFileError } from '../platform/slack-files.js';
import type { SlackContext } from '../slack-context.js';
import type { ViewRouter } from './view-router.js';

/** Block and action id of the file input; a refusal's errors are keyed by it. */
export const PLAN_FILE_BLOCK = 'file';
export const PLAN_TITLE_BLOCK = 'title';

interface ImportMetadata {
  planId: string;
  title?: string;
  /** The Slack user it was opened for: only they may submit it. */
  grantedTo: string;
}

const plain = (text: string, max: number = SLACK_LIMITS.modalTitle): types.PlainTextElement => ({
  type: 'plain_text',
  text: fitText(text, max),
  emoji: true,
});

export function planImportModal(meta: ImportMetadata): types.ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACKS.planImport,
    title: plain('Import a plan'),
    submit: plain('Import'),
    close: plain('Cancel'),
    private_metadata: JSON.stringify(meta),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: escapeMrkdwn(
            `The plan "${meta.planId}", from its spreadsheet: the actions table (priority, action, lead, timescale, milestones, progress, RAG) and, if it has one, the indicators table (indicator, baseline, quarterly figures), as CSV or XLSX. Nothing is imported unless every row can be read; a bad row is listed with its number.`,
          ),
        },
      },
      {
        type: 'input',
        block_id: PLAN_FILE_BLOCK,
        label: plain('Spreadsheet', SLACK_LIMITS.label),
        hint: plain(
          `CSV or XLSX, at most ${PLAN_IMPORT_LIMITS.files} files of ${PLAN_IMPORT_LIMITS.bytesPerFile / 1024 / 1024} MB each.`,
          SLACK_LIMITS.hint,
        ),
        element: {
          type: 'file_input',
          action_id: PLAN_FILE_BLOCK,
          filetypes: ['csv', 'xlsx'],
          max_files: PLAN_IMPORT_LIMITS.files,
        },
      },
      {
        type: 'input',
        block_id: PLAN_TITLE_BLOCK,
        optional: true,
        label: plain('Title', SLACK_LIMITS.label),
        element: {
          type: 'plain_text_input',
          action_id: PLAN_TITLE_BLOCK,
          max_length: 200,
          ...(meta.title ? { initial_value: meta.title } : {}),
          placeholder: plain('Reducing Serious Violence Response Plan', SLACK_LIMITS.placeholder),
        },
      },
    ],
  };
}

/** What the modal shows once submitted: the import is under way (no button to press twice). */
function progressModal(planId: string, names: string[]): types.ModalView {
  return messageModal(`Importing ${names.join(', ')} into ${planId}…`);
}

function messageModal(text: string): types.ModalView {
  const lines = text.split('\n').map(escapeMrkdwn);
  return {
    type: 'modal',
    callback_id: CALLBACKS.planImport,
    title: plain('Import a plan'),
    close: plain('Close'),
    blocks: fitBlocks(sectionsFromLines(lines), SLACK_LIMITS.blocks),
  };
}

export function registerPlanImportView(app: ViewRouter, ctx: SlackContext): void {
  app.view(CALLBACKS.planImport, async ({ ack, view, body, client }) => {
    const meta = readMetadata(view);
    const refuse = (message: string) =>
      ack({ response_action: 'errors', errors: { [PLAN_FILE_BLOCK]: fitText(message, LIMITS.fieldText) } });
    if (meta?.grantedTo !== body.user.id) {
      await refuse('Open this form again with /plan import.');
      return;
    }
    const chosen = view.state.values[PLAN_FILE_BLOCK]?.[PLAN_FILE_BLOCK]?.files ?? [];
    if (chosen.length === 0) {
      await refuse('Attach the plan as a .csv or .xlsx file.');
      return;
    }
    try {
      checkImportFiles(chosen.map((f) => ({ filename: f.name, ...sizeOf(f) })));
    } catch (error) {
      await refuse(isMusterError(error) ? (error.details[0]?.message ?? error.message) : String(error));
      return;
    }
    const title = view.state.values[PLAN_TITLE_BLOCK]?.[PLAN_TITLE_BLOCK]?.value?.trim() || meta.title;
    await ack({
      response_action: 'update',
      view: progressModal(
        meta.planId,
        chosen.map((f) => f.name),
      ),
    });
    // A retried or doubled submission of this view imports once.
    if (!(await ctx.deps.store.rememberOnce(`slack:plan-import:${view.id}`, ctx.deps.clock.now()))) return;
    const message = await importFiles(ctx, body.user, {
      planId: meta.planId,
      ...(title ? { title } : {}),
      fileIds: chosen.map((f) => f.id),
    });
    try {
      await client.views.update({ view_id: view.id, view: messageModal(message) });
    } catch (error) {
      // Closed in the meantime, or Slack failed: the person still hears how it went.
      ctx.logger.warn('the plan import modal could not be updated; telling the person by DM', { error });
      await client.chat.postMessage({ channel: body.user.id, text: escapeMrkdwn(message) });
    }
  });
}

/** Asks Slack for each file, fetches it and imports; the outcome in plain words, whatever happened. */
async function importFiles(
  ctx: SlackContext,
  user: { id: string; name: string },
  request: { planId: string; title?: string; fileIds: string[] },
): Promise<string> {
  try {
    const who = await partnershipRequester(ctx, user.id, user.name);
    const described = await Promise.all(request.fileIds.map((id) => ctx.files.describe(id)));
    checkImportFiles(described.map((f) => ({ filename: f.name, ...(f.bytes ? { bytes: f.bytes } : {}) })));
    const files = await Promise.all(
      described.map(async (file) => ({
        filename: file.name,
        content: await ctx.files.download(file, {
          maxBytes: PLAN_IMPORT_LIMITS.bytesPerFile,
          tooLarge: planFileTooLarge,
        }),
      })),
    );
    const outcome = await runPlanCommand(planDeps(ctx), {
      command: { kind: 'import', planId: request.planId, ...(request.title ? { title: request.title } : {}) },
      ...who,
      files,
    });
    if (outcome.refused) ctx.logger.info('plan import refused', { planId: request.planId });
    return outcome.refused ? `Nothing was imported. ${outcome.message}` : outcome.message;
  } catch (error) {
    if (isMusterError(error)) return `Nothing was imported. ${userMessage(error)}`;
    if (error instanceof UntrustedFileError || error instanceof DownloadError) {
      ctx.logger.error('a plan file could not be fetched from Slack', { reason: error.message });
      return `Nothing was imported: Muster could not fetch ${error.filename} from Slack. Please try again in a minute; if it happens again, tell your CSP coordinator.`;
    }
    ctx.logger.error('plan import failed', { error });
    return `Nothing was imported. ${userMessage(error)}`;
  }
}

function readMetadata(view: ViewOutput): ImportMetadata | undefined {
  try {
    const meta = JSON.parse(view.private_metadata) as Partial<ImportMetadata>;
    if (typeof meta.planId !== 'string' || typeof meta.grantedTo !== 'string') return undefined;
    return {
      planId: meta.planId,
      grantedTo: meta.grantedTo,
      ...(typeof meta.title === 'string' ? { title: meta.title } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Slack's file objects carry a size; the SDK's type leaves it out. */
function sizeOf(file: object): { bytes?: number } {
  const size = (file as { size?: unknown }).size;
  return typeof size === 'number' ? { bytes: size } : {};
}
