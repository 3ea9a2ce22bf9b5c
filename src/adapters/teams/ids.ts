/**
 * Every Teams identifier Muster answers to or sends: the platform's name (it
 * keys `incident.spaces` and prefixes actor ids), the HTTP paths on the one
 * listener, the channel id of Teams activities and the command word. Routes,
 * renderers, the manifest and the tests use these constants, never literals.
 */
export const TEAMS_PLATFORM = 'teams';
/** Where Azure Bot Service posts activities: the messaging endpoint is `https://<host>/api/messages`. */
export const TEAMS_MESSAGES_PATH = '/api/messages';
/** Exported documents, behind signed expiring links: `/api/teams/file?id=…&exp=…&sig=…`. */
export const TEAMS_FILES_PATH = '/api/teams/file';
/** The Bot Framework channel id of every Teams activity. */
export const TEAMS_CHANNEL_ID = 'msteams';
/** The word that starts a command, as `/incident` does on Slack; optional where the bot is addressed. */
export const COMMAND_WORD = 'incident';
/** The audience of Bot Connector tokens, and the scope Muster asks Entra ID for to call the connector. */
export const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com';
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
export const DEFAULT_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';
export const DEFAULT_GRAPH_URL = 'https://graph.microsoft.com/v1.0';
/** A file a person attached in the bot's personal chat (needs `supportsFiles` in the manifest). */
export const TEAMS_FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
/** `Action.Execute` invokes carry this name. */
export const CARD_ACTION_INVOKE = 'adaptiveCard/action';
