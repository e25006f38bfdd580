/**
 * Zod schemas for the long columns of our own sealed records (the manifest's ids and revisions, the overview
 * buckets' rows): one zod check per column with a plain predicate per cell, rather than z.array(schema). In the
 * extension's jitless zod a schema per cell cost about 40 of the 75 ms a cold unlock spent opening 10,000 rows
 * (issue 15's unlock → list); the predicates check the same things.
 */
import { z } from 'zod';

/**
 * @param cell - true for a valid cell
 * @returns a schema for an array whose every cell passes `cell`
 * @example const ids = column(isString);
 */
export function column<T>(cell: (value: unknown) => value is T): z.ZodType<T[]> {
  return z.custom<T[]>((value) => Array.isArray(value) && value.every(cell));
}

/** A string. */
export const isString = (value: unknown): value is string => typeof value === 'string';
/** A boolean. */
export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
/** Any JSON number. */
export const isNumber = (value: unknown): value is number => typeof value === 'number';
/** An integer (safe). */
export const isInteger = (value: unknown): value is number => Number.isSafeInteger(value);
/** A time or count: an integer ≥ 0. */
export const isTime = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
/** A revision: an integer ≥ 1. */
export const isRev = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
