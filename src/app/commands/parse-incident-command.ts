/**
 * Reads the text after `/incident` into a subcommand, the same grammar on
 * every platform (Slack's slash command, the console's composer, Teams'
 * command list): `new` (or nothing), `status [SV-YYYY-NNNN]`, `list`, `help`;
 * anything else is unknown.
 */

export type IncidentCommand =
  | { kind: 'new' }
  | { kind: 'status'; reference?: string }
  | { kind: 'list' }
  | { kind: 'help' }
  | { kind: 'unknown'; word: string };

export function parseIncidentCommand(text: string | undefined): IncidentCommand {
  const [first = '', second] = (text ?? '').trim().split(/\s+/);
  switch (first.toLowerCase()) {
    case '':
    case 'new':
      return { kind: 'new' };
    case 'status':
      return second ? { kind: 'status', reference: second } : { kind: 'status' };
    case 'list':
      return { kind: 'list' };
    case 'help':
      return { kind: 'help' };
    default:
      return { kind: 'unknown', word: first };
  }
}
