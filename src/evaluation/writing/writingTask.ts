/** The task a letter answers: OET's letter types and readers. */
export type LetterType = 'REFERRAL' | 'DISCHARGE' | 'TRANSFER' | 'ADVICE' | 'COMPLAINT_REPLY' | 'UPDATE';
export type Reader = 'COLLEAGUE' | 'PATIENT' | 'CARER' | 'GROUP';

export const LETTER_TYPES: readonly LetterType[] = ['REFERRAL', 'DISCHARGE', 'TRANSFER', 'ADVICE', 'COMPLAINT_REPLY', 'UPDATE'];
export const READERS: readonly Reader[] = ['COLLEAGUE', 'PATIENT', 'CARER', 'GROUP'];

/** Lay readers need plain words: the Genre & Style and Content judgements turn on it. */
export const isLayReader = (reader: Reader): boolean => reader !== 'COLLEAGUE';
