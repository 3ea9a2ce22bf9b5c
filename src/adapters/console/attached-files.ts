/**
 * Files sent with a composer command (the plan's spreadsheet for
 * `/plan import`): their shape in the request, how large a request carrying
 * them may be, their sizes read from the encoding before anything is decoded,
 * and the decoding itself.
 *
 * They travel as JSON, `files: [{ filename, contentBase64 }]`, not as
 * multipart: every console route reads one bounded JSON body checked by a zod
 * schema, so the command and its files are parsed, limited and refused (400,
 * 413) in the one place, with no multipart parser to add. Base64 costs a third
 * more bytes, which a local console on 127.0.0.1 does not notice.
 */
import { z } from 'zod';
import { PLAN_IMPORT_LIMITS } from '../../app/plans/import-plan.js';
import type { PlanFile } from '../../app/plans/read-plan-file.js';
import { ErrorCode, MusterError } from '../../core/errors.js';
import type { BodyLimit } from './console-http.js';

/**
 * Standard base64 (RFC 4648 §4), padded, as the browser's FileReader writes it. Node's decoder skips
 * what it does not understand, so anything else is refused here rather than imported half-read. (A
 * pattern of four-character groups would be exact, but overflows the regex engine's stack on megabytes.)
 */
const BASE64_CHARACTERS = /^[A-Za-z0-9+/]*={0,2}$/;
const isBase64 = (text: string) => text.length % 4 === 0 && BASE64_CHARACTERS.test(text);

export const attachedFileSchema = z
  .object({
    filename: z
      .string({ error: 'give each file its name, such as "plan.xlsx"' })
      .trim()
      .min(1, 'give each file its name, such as "plan.xlsx"')
      .max(255, 'keep each file name under 255 characters'),
    contentBase64: z.string({ error: 'send each file’s bytes, base64-encoded' }),
  })
  .superRefine((file, issue) => {
    if (!isBase64(file.contentBase64)) {
      issue.addIssue({
        code: 'custom',
        path: ['contentBase64'],
        message: `${file.filename} is not base64-encoded: send the file’s bytes as standard base64 and try again`,
      });
    }
  });

export type AttachedFile = z.output<typeof attachedFileSchema>;

/** Base64 of one file at the import's size limit: four characters for every three bytes. */
const ENCODED_FILE_BYTES = 4 * Math.ceil(PLAN_IMPORT_LIMITS.bytesPerFile / 3);

/**
 * A command's body: the most files an import takes, each at its limit, plus
 * room for the command, the file names and the JSON around them. A request
 * with a file over its limit still fits (up to the total), so the person is
 * told which file is too large rather than only that the request was.
 */
export const COMMAND_BODY: BodyLimit = {
  maxBytes: PLAN_IMPORT_LIMITS.files * ENCODED_FILE_BYTES + 64 * 1024,
  tooLarge: `The files are too large to send: attach at most ${PLAN_IMPORT_LIMITS.files} files of ${
    PLAN_IMPORT_LIMITS.bytesPerFile / 1024 / 1024
  } MB each (a plan is a few hundred rows; save just the plan’s sheets).`,
};

/** The file's size once decoded, from its (checked) encoding alone. */
export function decodedBytes(file: AttachedFile): number {
  const text = file.contentBase64;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/** Each file's size, for `checkImportFiles`, without decoding anything. */
export function attachedSizes(files: readonly AttachedFile[]): { filename: string; bytes: number }[] {
  return files.map((file) => ({ filename: file.filename, bytes: decodedBytes(file) }));
}

export function decodeFiles(files: readonly AttachedFile[]): PlanFile[] {
  return files.map((file) => ({
    filename: file.filename,
    content: Buffer.from(file.contentBase64, 'base64'),
  }));
}

/** `invalid_input` on `file`: files came with a command other than `/plan import`. */
export function filesNotTaken(count: number): MusterError {
  const files = count === 1 ? 'the file' : `the ${count} files`;
  const message = `Only /plan import <plan-id> [title] takes attached files, so nothing was sent. Remove ${files} to send this, or type /plan import with them.`;
  return new MusterError(ErrorCode.InvalidInput, message);
}
