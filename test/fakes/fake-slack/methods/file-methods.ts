/**
 * The three-step upload that `files.uploadV2` performs: ask for an upload URL,
 * send the bytes there, then complete the upload (sharing it to a channel, which
 * in Slack posts a message carrying the file). And `files.info` for a file a
 * person shared with the app (`addFile`), with the private download URL the
 * server answers only with a token.
 */
import { FAKE_BOT_USER_ID, type FakeFileRef, type FakeUpload } from '../fake-slack-types.js';
import { commaList, fail, integer, type MethodTable, ok, text } from '../method-kit.js';
import type { WorkspaceState } from '../workspace-state.js';

export const fileMethods: MethodTable = {
  'files.info': (args, { state, downloadUrl }) => {
    const file = state.sharedFiles.get(text(args, 'file') ?? '');
    if (!file) return fail('file_not_found');
    const url = downloadUrl(file.id, file.name);
    return ok({
      file: {
        id: file.id,
        created: state.nowSeconds(),
        name: file.name,
        title: file.name,
        filetype: file.filetype,
        user: file.user,
        size: file.content.length,
        is_public: false,
        url_private: url.replace('/download/', '/'),
        url_private_download: url,
      },
    });
  },

  'files.getUploadURLExternal': (args, { state, uploadUrl }) => {
    const filename = text(args, 'filename') ?? '';
    const length = integer(args, 'length', -1);
    if (filename === '' || length < 0) return fail('invalid_arguments');
    const fileId = state.nextId('F');
    state.pendingUploads.set(fileId, { fileId, filename, declaredLength: length });
    return ok({ upload_url: uploadUrl(fileId), file_id: fileId });
  },

  'files.completeUploadExternal': (args, { state }) => {
    const requested = Array.isArray(args.files) ? (args.files as Array<Record<string, unknown>>) : undefined;
    if (!requested || requested.length === 0) return fail('invalid_arguments');
    const channelId = text(args, 'channel_id') ?? commaList(text(args, 'channels'))[0];
    const channel = channelId === undefined ? undefined : state.visibleConversation(channelId);
    if (channelId !== undefined && !channel) return fail('channel_not_found');
    if (channel && 'members' in channel && !channel.members.has(FAKE_BOT_USER_ID))
      return fail('not_in_channel');

    const pending = requested.map((file) => state.pendingUploads.get(String(file.id ?? '')));
    // Slack's code when the id is unknown or the bytes never arrived; the fake does not tell them apart.
    if (pending.some((upload) => !upload?.content)) return fail('file_not_found');

    const threadTs = text(args, 'thread_ts');
    const initialComment = text(args, 'initial_comment');
    const completed: FakeUpload[] = pending.map((upload, index) => {
      if (!upload?.content) throw new Error('unreachable: checked above');
      state.pendingUploads.delete(upload.fileId);
      const title = String(requested[index]?.title ?? upload.filename);
      return {
        fileId: upload.fileId,
        filename: upload.filename,
        title,
        declaredLength: upload.declaredLength,
        length: upload.content.length,
        content: upload.content,
        ...(channel ? { channel: channel.id } : {}),
        ...(threadTs ? { threadTs } : {}),
        ...(initialComment ? { initialComment } : {}),
      };
    });
    state.uploads.push(...completed);
    if (channel) postFileShare(state, channel.id, completed, initialComment, threadTs);
    return ok({ files: completed.map((upload) => fileJson(state, upload)) });
  },
};

/** Called by the server when bytes arrive at an upload URL; false if the URL was never handed out. */
export function receiveUpload(state: WorkspaceState, fileId: string, bytes: Buffer): boolean {
  const pending = state.pendingUploads.get(fileId);
  if (!pending) return false;
  pending.content = bytes;
  return true;
}

function postFileShare(
  state: WorkspaceState,
  channelId: string,
  uploads: FakeUpload[],
  initialComment: string | undefined,
  threadTs: string | undefined,
): void {
  const files: FakeFileRef[] = uploads.map((upload) => ({
    id: upload.fileId,
    name: upload.filename,
    title: upload.title,
  }));
  state.messages.get(channelId)?.push({
    channel: channelId,
    ts: state.nextTs(),
    text: initialComment ?? '',
    user: FAKE_BOT_USER_ID,
    pinned: false,
    edited: false,
    files,
    ...(threadTs ? { threadTs } : {}),
  });
}

function fileJson(state: WorkspaceState, upload: FakeUpload): Record<string, unknown> {
  return {
    id: upload.fileId,
    created: state.nowSeconds(),
    name: upload.filename,
    title: upload.title,
    user: FAKE_BOT_USER_ID,
    size: upload.length,
    is_public: false,
    channels: upload.channel ? [upload.channel] : [],
  };
}
