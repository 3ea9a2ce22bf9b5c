/**
 * The kinds of meeting seed 000 prescribes, plus ad hoc ones. Kept apart from
 * the incident aggregate so meeting records can use it without a circular import.
 */
export const MEETING_KINDS = ['initial', 'review', 'final', 'ad-hoc'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
