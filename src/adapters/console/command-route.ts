/**
 * `POST /console/api/command` `{ channelId, text, files? }`: the composer. `/incident`
 * and its subcommands, in the same grammar as Slack's slash command, answer
 * the person alone (the form to fill in, or an ephemeral card); any other
 * text is the person's own chat message in the channel, for everyone in it.
 * The subcommands that act on one incident (meetings, actions, exports,
 * close…) go through the app's `runIncidentCommand`, with this channel as the
 * place they were typed. An archived channel (its incident closed) takes nothing.
 * Files (`attached-files.ts`) ride only on `/plan import`; with anything else
 * they are refused and nothing is posted or run.
 */
import { z } from 'zod';
import { helpCard, incidentListCard } from '../../app/cards/list-cards.js';
import { parseIncidentCommand } from '../../app/commands/parse-incident-command.js';
import { runIncidentCommand } from '../../app/commands/run-incident-command.js';
import { expandCard } from '../cards/card-templates.js';
import type { HttpServer } from '../http/http-server.js';
import { attachedFileSchema, COMMAND_BODY, filesNotTaken } from './attached-files.js';
import { type ConsolePerson, consoleRequester } from './console-access.js';
import { type ConsoleContext, replyTo, replyWithError, visibleChannel } from './console-context.js';
import { formReply, newIncidentFormFor } from './console-forms.js';
import { guarded, HttpProblem, identify, readBody, sendOk } from './console-http.js';
import type { ConsoleChannel, ConsoleMessage } from './console-model.js';
import { DIRECTORY_COMMAND, directoryReply } from './directory-reply.js';
import { commandDeps, renderOutcome } from './outcome-reply.js';
import { PLAN_COMMAND, planReply, takesFiles } from './plan-reply.js';
import { statusReply } from './status-reply.js';

export const COMMAND_PATH = '/console/api/command';
const COMMAND = '/incident';

const commandBody = z.object({
  channelId: z.string().min(1, 'name the channel'),
  text: z.string().trim().min(1, 'type a message or a command').max(4000, 'keep it under 4000 characters'),
  // Not capped here: more than an import takes is answered by `checkImportFiles`, naming the limit.
  files: z.array(attachedFileSchema, { error: 'send the files as a list' }).default([]),
});

export function registerCommandRoute(http: HttpServer, ctx: ConsoleContext): void {
  http.route(
    'POST',
    COMMAND_PATH,
    guarded(async (req, res) => {
      const person = identify(req, ctx.deps.directory);
      const body = await readBody(req, commandBody, COMMAND_BODY);
      const channel = await visibleChannel(ctx, person, body.channelId);
      if (channel.archived) throw new HttpProblem(409, archivedText(channel));
      const [name = '', ...rest] = body.text.split(/\s+/);
      if (body.files.length > 0 && !takesFiles(name, rest.join(' '))) {
        const refusal = filesNotTaken(body.files.length);
        return sendOk(res, { reply: await replyWithError(ctx, person, channel.id, refusal, 'attach files') });
      }
      if (!body.text.startsWith('/')) {
        const author = { name: person.contact.name, contactId: person.contact.id };
        return sendOk(res, { posted: await ctx.platform.post(channel.id, { text: body.text, author }) });
      }
      if (name.toLowerCase() === PLAN_COMMAND)
        return sendOk(res, { reply: await planReply(ctx, person, channel, rest.join(' '), body.files) });
      if (name.toLowerCase() === DIRECTORY_COMMAND)
        return sendOk(res, await directoryReply(ctx, person, channel, rest.join(' ')));
      if (name.toLowerCase() !== COMMAND)
        return sendOk(res, { reply: await help(ctx, person, channel, name) });
      const parsed = parseIncidentCommand(rest.join(' '));
      try {
        switch (parsed.kind) {
          case 'new':
            return sendOk(res, { form: formReply(ctx, newIncidentFormFor(ctx, person)) });
          case 'status':
            return sendOk(res, { reply: await statusReply(ctx, person, channel, parsed.reference) });
          case 'list': {
            const card = expandCard(await incidentListCard(ctx.deps));
            return sendOk(res, {
              reply: await replyTo(ctx, person, channel.id, { card, cardKind: 'incident-list' }),
            });
          }
          case 'help':
            return sendOk(res, { reply: await help(ctx, person, channel) });
          case 'unknown':
            return sendOk(res, { reply: await help(ctx, person, channel, parsed.word) });
          case 'invalid': {
            const text = `${capitalised(parsed.problem)}. Usage: ${parsed.usage}`;
            return sendOk(res, { reply: await replyTo(ctx, person, channel.id, { text }) });
          }
          default: {
            const outcome = await runIncidentCommand(commandDeps(ctx), {
              command: parsed,
              spaceId: channel.id,
              spaceName: channel.name,
              by: person.actor,
              requester: consoleRequester(ctx.history, person),
            });
            return sendOk(res, await renderOutcome(ctx, person, channel, outcome));
          }
        }
      } catch (error) {
        sendOk(res, {
          reply: await replyWithError(ctx, person, channel.id, error, `/incident ${parsed.kind}`),
        });
      }
    }),
  );
}

function archivedText(channel: ConsoleChannel): string {
  const reference = channel.reference ?? 'its incident';
  return `#${channel.name} is archived because ${reference} is closed: its history stays readable, but nothing more can be posted. To work on it again, type /incident reopen ${reference} in another channel.`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function help(
  ctx: ConsoleContext,
  person: ConsolePerson,
  channel: ConsoleChannel,
  unknownWord?: string,
): Promise<ConsoleMessage> {
  const card = helpCard(unknownWord);
  return replyTo(ctx, person, channel.id, { card: expandCard(card), cardKind: card.kind });
}
