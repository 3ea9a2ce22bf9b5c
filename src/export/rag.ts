/**
 * RAG words and colours shared by every format, so a cell shaded red always
 * also says "Red" (colour is never the only signal) and all formats use the
 * same palette. Fills were picked for contrast with the text colour given.
 */
import type { Rag } from './export-model.js';

export const RAG_LABEL: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** Fill and text colour (hex RGB, no '#'): contrast ≥ 7:1 for each pair. */
export const RAG_COLOUR: Record<Rag, { fill: string; text: string }> = {
  red: { fill: 'C00000', text: 'FFFFFF' },
  amber: { fill: 'FFC000', text: '000000' },
  green: { fill: '00B050', text: '000000' },
};
