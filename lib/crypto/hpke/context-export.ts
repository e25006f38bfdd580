/** Context.Export of RFC 9180 §5.3: a secret derived from the context for another use. */
import type { HpkeContext } from './context';
import { labeledExpand } from './labeled-expand';
import { N_H } from './suite';

/**
 * `LabeledExpand(exporter_secret, "sec", exporter_context, L)`, labeled with the context's own suite_id.
 * @param context - either side's context; both export the same secrets
 * @param exporterContext - what the secret is for; any length
 * @param length - output length in bytes, 0..8160 (255 × Nh)
 */
export function contextExport(context: HpkeContext, exporterContext: Uint8Array, length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 0 || length > 255 * N_H) throw new RangeError('contextExport: length out of range');
  return labeledExpand(context.suiteId, context.exporterSecret, 'sec', exporterContext, length);
}
