/**
 * The protocol a CLI command works with: `--protocol FILE`, else
 * MUSTER_PROTOCOL, else the default (seed 000), the same rule as `npm start`.
 */
import { resolveProtocol } from '../adapters/protocol/protocol-file.js';
import type { Protocol } from '../core/protocol/protocol-schema.js';
import type { CliIo } from './cli-io.js';

export const PROTOCOL_OPTION = { protocol: { type: 'string' } } as const;

export function protocolFor(option: string | undefined, io: CliIo): Promise<Protocol> {
  return resolveProtocol(option || io.env.MUSTER_PROTOCOL || undefined);
}
