/** The schema of a corpus `labels.json` (../shared/autofill-corpus/README.md), the parts the evaluator reads. */
import { z } from 'zod';

const fieldSchema = z.object({
  role: z.string(),
  sourceLabel: z.string().optional(),
  selector: z.string().nullable(),
  labelSelector: z.string().nullable().optional(),
  labelIndex: z.number().int().nullable().optional(),
});

const fixtureSchema = z.object({
  kind: z.string(),
  fragment: z.boolean().optional(),
  labelAttribute: z.string(),
  labelScope: z.array(z.string()),
  expected: z.record(z.string(), z.array(z.string())),
  fields: z.array(fieldSchema),
});

/** labels.json, schema version 1. */
export const corpusLabelsSchema = z.object({
  schemaVersion: z.literal(1),
  labelAttributes: z.array(z.string()),
  fixtures: z.record(z.string(), fixtureSchema),
});

/** One labelled field of a fixture. */
export type CorpusField = z.infer<typeof fieldSchema>;
/** One fixture's labels. */
export type CorpusFixture = z.infer<typeof fixtureSchema>;

/** The selector of a labelled field: its unique id/name selector, else the n-th element carrying its label. */
export function fieldSelector(field: CorpusField): string | null {
  if (field.selector) return field.selector;
  return field.labelSelector ? `${field.labelSelector} >> nth=${field.labelIndex ?? 0}` : null;
}
