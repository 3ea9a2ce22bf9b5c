/**
 * Incident references: `SV-YYYY-NNNN`, numbered per year. The reference is the
 * only name an incident gets in channel names and titles: no personal data.
 */
import { ErrorCode, MusterError } from '../errors.js';

const REFERENCE = /^SV-(\d{4})-(\d{4,})$/;

export function formatReference(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new MusterError(ErrorCode.InvalidInput, `Year ${year} cannot be used in a reference.`);
  }
  if (!Number.isInteger(sequence) || sequence < 1) {
    throw new MusterError(ErrorCode.InvalidInput, `Sequence ${sequence} must be a whole number from 1.`);
  }
  return `SV-${year}-${String(sequence).padStart(4, '0')}`;
}

export function parseReference(reference: string): { year: number; sequence: number } | undefined {
  const match = REFERENCE.exec(reference.trim().toUpperCase());
  if (!match) return undefined;
  return { year: Number(match[1]), sequence: Number(match[2]) };
}
