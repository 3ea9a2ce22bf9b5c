/**
 * The page's shared state: who is signed in, the people and channels they can
 * see, the open channel's messages, the live event stream and the dialog's
 * channel. Every module reads and writes this one object; nothing else is global.
 */
export const state = {
  session: null,
  people: [],
  userId: null,
  channels: [],
  channelId: null,
  /** message id → message, for the open channel only. */
  messages: new Map(),
  unread: new Set(),
  events: null,
  /** The channel a dialog's form belongs to (the channel it was opened from). */
  dialogChannelId: null,
  busy: false,
};
