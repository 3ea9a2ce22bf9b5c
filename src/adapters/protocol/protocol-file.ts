/**
 * Loads the protocol a partnership runs: seed 000 by default, or a JSON file
 * (MUSTER_PROTOCOL, `--protocol`). A file that cannot be read, is not JSON or
 * is not a valid protocol is refused with every problem listed.
 */
import { readFile } from 'node:fs/promises';
import { ErrorCode, MusterError } from '../../core/errors.js';
import { defaultProtocol } from '../../core/protocol/default-protocol.js';
import { type Protocol, parseProtocol } from '../../core/protocol/protocol-schema.js';

export async function loadProtocolFile(path: string): Promise<Protocol> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new MusterError(
      ErrorCode.InvalidProtocol,
      `Cannot read the protocol file ${path} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}). Check the path and start again.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new MusterError(
      ErrorCode.InvalidProtocol,
      `The protocol file ${path} is not valid JSON. Fix it and start again:`,
      [{ path: '', message: (error as Error).message }],
    );
  }
  return parseProtocol(json, `protocol file ${path}`);
}

/** The protocol in `path`, or the default (seed 000) when no path is configured. */
export async function resolveProtocol(path: string | undefined): Promise<Protocol> {
  return path ? loadProtocolFile(path) : defaultProtocol;
}
