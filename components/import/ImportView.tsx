/**
 * The vault page's Import section: choose or drop a file, see the detected format, map the columns of an
 * unknown CSV, see problems by row, decide each duplicate, import with progress, and get the reminder to
 * delete the plain file. The file is read and parsed here; the background only gets the validated
 * entries (lib/messaging/import-messages).
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { applyDuplicateDecisions, type DuplicateDecision } from '../../lib/import/page/apply-duplicate-decisions';
import { MAX_IMPORT_BYTES } from '../../lib/import/page/decode-import-text';
import { findDuplicates, type Duplicate } from '../../lib/import/page/find-duplicates';
import { IMPORT_FORMAT_LABEL, ImportFileError, type ColumnMapping, type ImportRow } from '../../lib/import/import-types';
import { mapGenericColumns } from '../../lib/import/page/formats/map-generic-columns';
import { readImportFile, type ReadImport } from '../../lib/import/page/read-import-file';
import { subscribeImportProgress } from '../../lib/messaging/import-progress-event';
import type { ItemSummary } from '../../lib/vault/model/item-schema';
import type { ImportProgress } from '../../lib/vault/model/import-entry';
import { errorText } from '../kit/error-text';
import { ImportColumnMapping } from './ImportColumnMapping';
import { ImportDone } from './ImportDone';
import { ImportDuplicates } from './ImportDuplicates';
import { ImportFilePicker } from './ImportFilePicker';
import { ImportProblems } from './ImportProblems';
import type { ImportOutcome } from './import-text';
import { useVaultCall } from '../kit/use-vault-call';

type Phase =
  | { kind: 'choose'; error: string | null }
  | { kind: 'reading'; fileName: string }
  | { kind: 'review'; fileName: string; read: ReadImport; decisions: Map<number, DuplicateDecision>; error: string | null }
  | { kind: 'importing'; fileName: string; total: number; progress: ImportProgress | null }
  | { kind: 'done'; fileName: string; outcome: ImportOutcome };

const ENCODING_NOTE: Readonly<Record<ReadImport['encoding'], string | null>> = {
  'utf-8': null,
  'utf-16le': 'Read as UTF-16 text.',
  'utf-16be': 'Read as UTF-16 text.',
  'windows-1252': 'The file is not UTF-8; it was read as Windows-1252 (Western European). Check accented letters below.',
};

export interface ImportViewProps {
  /** The vault's list rows, to find duplicates. */
  existing: readonly ItemSummary[];
  /** Called after the vault changed (import done, or a conflict that needs a fresh list). */
  onImported: () => void;
}

export function ImportView({ existing, onImported }: ImportViewProps) {
  const call = useVaultCall();
  const headingId = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'choose', error: null });

  const review = phase.kind === 'review' ? phase : null;
  const duplicates = useMemo(() => (review ? findDuplicates(review.read.result.rows, existing) : []), [review?.read, existing]);
  // Only the count of entries is shown from this plan; runImport plans again with the real time.
  const plan = useMemo(
    () => (review ? applyDuplicateDecisions(review.read.result.rows, duplicates, review.decisions, 0) : null),
    [review?.read, review?.decisions, duplicates],
  );

  // Whether each duplicate's password is the same: asked of the background for items in the vault (their
  // passwords stay there), compared here for earlier rows of the file. Kept with the duplicates it answers.
  const [samePassword, setSamePassword] = useState<{ for: readonly Duplicate[]; same: ReadonlyMap<number, boolean | null> } | null>(null);
  useEffect(() => {
    if (!review || duplicates.length === 0) return;
    let current = true;
    const rows = review.read.result.rows;
    void comparePasswords(rows, duplicates, (pairs) => call('itemImportCompare', { pairs })).then((same) => {
      if (current) setSamePassword({ for: duplicates, same });
    });
    return () => {
      current = false;
    };
  }, [call, review?.read, duplicates]);

  // Progress events arrive only while this view is importing.
  const importing = phase.kind === 'importing';
  useEffect(() => {
    if (!importing) return;
    return subscribeImportProgress((progress) => setPhase((current) => (current.kind === 'importing' ? { ...current, progress } : current)));
  }, [importing]);

  async function readFile(file: File) {
    if (file.size > MAX_IMPORT_BYTES) {
      setPhase({ kind: 'choose', error: 'The file is larger than 64 MB; no password export is that big.' });
      return;
    }
    setPhase({ kind: 'reading', fileName: file.name });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      // Let "Reading…" paint before parsing takes the main thread (about 0.1 s per 10,000 rows).
      await new Promise((resolve) => setTimeout(resolve, 0));
      setPhase({ kind: 'review', fileName: file.name, read: readImportFile(bytes), decisions: new Map(), error: null });
    } catch (error) {
      // Only our own messages are shown: another error's text could quote the file.
      setPhase({ kind: 'choose', error: error instanceof ImportFileError ? error.message : 'This file could not be read.' });
    }
  }

  function remap(mapping: ColumnMapping) {
    if (!review?.read.table) return;
    const read = { ...review.read, mapping, result: mapGenericColumns(review.read.table, mapping) };
    setPhase({ ...review, read, decisions: new Map(), error: null });
  }

  async function runImport() {
    if (!review) return;
    const { entries, skipped } = applyDuplicateDecisions(review.read.result.rows, duplicates, review.decisions, Date.now());
    const failed = review.read.result.problems.filter((problem) => problem.skipped && problem.notice === undefined).length;
    const leftOut = review.read.result.problems.filter((problem) => problem.notice !== undefined).length;
    if (entries.length === 0) {
      setPhase({ kind: 'done', fileName: review.fileName, outcome: { added: 0, replaced: 0, skipped, failed, leftOut } });
      return;
    }
    setPhase({ kind: 'importing', fileName: review.fileName, total: entries.length, progress: null });
    const result = await call('itemImport', { entries });
    if (result.ok) {
      onImported();
      setPhase({ kind: 'done', fileName: review.fileName, outcome: { added: result.added, replaced: result.replaced, skipped, failed, leftOut } });
      return;
    }
    // A conflict means the vault changed meanwhile: a fresh list recomputes the duplicates.
    if (result.error.code === 'conflict') onImported();
    setPhase({ ...review, error: `${errorText(result.error)} Nothing was imported.` });
  }

  return (
    <section className="import-view" data-testid="import-view" aria-labelledby={headingId}>
      <h2 id={headingId}>Import</h2>
      {(phase.kind === 'choose' || phase.kind === 'review') && (
        <ImportFilePicker onFile={(file) => void readFile(file)} fileName={review?.fileName ?? null} />
      )}
      {phase.kind === 'choose' && phase.error !== null && (
        <p className="form-error" role="alert" data-testid="import-file-error">
          {phase.error}
        </p>
      )}
      {phase.kind === 'reading' && <p className="status" role="status">Reading “{phase.fileName}”…</p>}
      {review && plan && (
        <>
          <p data-testid="import-format">
            <strong>{review.fileName}</strong>: {IMPORT_FORMAT_LABEL[review.read.format]}, {review.read.result.rows.length.toLocaleString('en')}{' '}
            {review.read.unit}
            {review.read.result.rows.length === 1 ? '' : 's'} ready to import.
          </p>
          {ENCODING_NOTE[review.read.encoding] !== null && <p className="hint">{ENCODING_NOTE[review.read.encoding]}</p>}
          {review.read.table && review.read.mapping && <ImportColumnMapping table={review.read.table} mapping={review.read.mapping} onChange={remap} />}
          <ImportProblems problems={review.read.result.problems} unit={review.read.unit} />
          <ImportDuplicates
            rows={review.read.result.rows}
            duplicates={duplicates}
            decisions={review.decisions}
            unit={review.read.unit}
            samePassword={samePassword?.for === duplicates ? samePassword.same : null}
            onChange={(decisions) => setPhase({ ...review, decisions, error: null })}
          />
          {review.error !== null && (
            <p className="form-error" role="alert">
              {review.error}
            </p>
          )}
          <div className="actions">
            <button type="button" className="primary" onClick={() => void runImport()} disabled={review.read.result.rows.length === 0}>
              Import {plan.entries.length.toLocaleString('en')} {plan.entries.length === 1 ? 'item' : 'items'}
            </button>
            <button type="button" onClick={() => setPhase({ kind: 'choose', error: null })}>
              Cancel
            </button>
          </div>
        </>
      )}
      {phase.kind === 'importing' && <ImportProgressBar total={phase.total} progress={phase.progress} />}
      {phase.kind === 'done' && (
        <ImportDone fileName={phase.fileName} outcome={phase.outcome} onAnother={() => setPhase({ kind: 'choose', error: null })} />
      )}
    </section>
  );
}

const passwordOf = (row: ImportRow | undefined) => (row?.content.type === 'login' ? row.content.password : '');

/** Same password or not, by duplicate's row index; `null` where the background could not say (the item is gone). */
async function comparePasswords(
  rows: readonly ImportRow[],
  duplicates: readonly Duplicate[],
  askBackground: (pairs: { id: string; password: string }[]) => Promise<{ ok: true; same: (boolean | null)[] } | { ok: false }>,
): Promise<Map<number, boolean | null>> {
  const same = new Map<number, boolean | null>();
  const inVault: { index: number; id: string; password: string }[] = [];
  for (const duplicate of duplicates) {
    const password = passwordOf(rows[duplicate.index]);
    if (duplicate.match.kind === 'row') same.set(duplicate.index, password === passwordOf(rows[duplicate.match.index]));
    else inVault.push({ index: duplicate.index, id: duplicate.match.id, password });
  }
  if (inVault.length > 0) {
    const answer = await askBackground(inVault.map(({ id, password }) => ({ id, password })));
    inVault.forEach(({ index }, i) => same.set(index, answer.ok ? (answer.same[i] ?? null) : null));
  }
  return same;
}

function ImportProgressBar({ total, progress }: { total: number; progress: ImportProgress | null }) {
  const done = progress?.phase === 'sealing' ? progress.done : progress?.phase === 'saving' ? total : 0;
  const text = progress === null
    ? `Sending ${total.toLocaleString('en')} items to the vault…`
    : progress.phase === 'sealing'
      ? `Encrypting ${progress.done.toLocaleString('en')} of ${total.toLocaleString('en')}…`
      : 'Saving…';
  return (
    <div className="import-progress" data-testid="import-progress">
      <progress max={total} value={done} aria-label="Import progress" />
      <p className="status" role="status">
        {text}
      </p>
    </div>
  );
}
