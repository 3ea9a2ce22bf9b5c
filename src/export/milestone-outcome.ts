/** Words for a milestone's outcome, shared by the Markdown and DOCX final reports. */
import type { MilestoneOutcome } from './export-model.js';

export const OUTCOME_LABEL: Record<MilestoneOutcome, string> = { met: 'Met', late: 'Late', open: 'Open' };
