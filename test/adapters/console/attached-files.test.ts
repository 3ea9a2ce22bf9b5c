/**
 * The console's attached files: their decoded size is read from the base64
 * alone (so limits are checked before decoding), and matches what decoding gives.
 */
import { describe, expect, it } from 'vitest';
import {
  COMMAND_BODY,
  decodedBytes,
  decodeFiles,
  filesNotTaken,
} from '../../../src/adapters/console/attached-files.js';
import { PLAN_IMPORT_LIMITS } from '../../../src/app/plans/import-plan.js';
import { ErrorCode } from '../../../src/core/errors.js';

describe('attached files', () => {
  it('reads each file’s decoded size from its encoding, whatever its padding', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 1000, 1001, 1002]) {
      const content = Buffer.alloc(length, 7);
      const file = { filename: 'plan.csv', contentBase64: content.toString('base64') };
      expect(decodedBytes(file)).toBe(length);
      expect(decodeFiles([file])[0]?.content.equals(content)).toBe(true);
    }
  });

  it('lets a command carry the most files an import takes at their largest, and little more', () => {
    const encoded = 4 * Math.ceil(PLAN_IMPORT_LIMITS.bytesPerFile / 3);
    expect(COMMAND_BODY.maxBytes).toBeGreaterThan(PLAN_IMPORT_LIMITS.files * encoded);
    expect(COMMAND_BODY.maxBytes).toBeLessThan((PLAN_IMPORT_LIMITS.files + 1) * encoded);
  });

  it('refuses files on another command as the person’s input to fix', () => {
    const refusal = filesNotTaken(1);
    expect(refusal.code).toBe(ErrorCode.InvalidInput);
    expect(refusal.message).toContain('Remove the file to send this');
  });
});
