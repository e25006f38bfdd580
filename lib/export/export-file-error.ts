/**
 * Why an export file could not be read. Each reason has its own sentence, safe to show (it never quotes
 * the file): the user learns whether to retype the passphrase, find the right file or distrust this one.
 */

/** What went wrong, from the outside in. */
export type ExportFileProblem =
  /** Not JSON, or JSON of another kind. */
  | 'not-an-export'
  /** A Sealpass export of a version this code does not read. */
  | 'unsupported-version'
  /** Recognisably a Sealpass export, but cut short or missing fields. */
  | 'damaged'
  /** Unknown KDF, or parameters below the floor (S5): refused before any derivation. */
  | 'weak-kdf'
  /** The passphrase check does not open (a changed salt or KDF parameter looks the same: they feed the key). */
  | 'wrong-passphrase'
  /** The passphrase is right but the header or payload does not authenticate. */
  | 'tampered';

const TEXT: Record<ExportFileProblem, string> = {
  'not-an-export': 'This file is not a Sealpass export.',
  'unsupported-version': 'This Sealpass export has a format version this Sealpass cannot read. Update Sealpass and try again.',
  damaged: 'This Sealpass export is incomplete or damaged (it may have been cut short). Nothing was imported.',
  'weak-kdf': 'This export asks for key-derivation settings that are unknown or below the safe minimum, so it was not opened. It may have been tampered with. Nothing was imported.',
  'wrong-passphrase': 'Wrong passphrase for this export.',
  tampered: 'This export was changed after it was made: its header or contents do not match. Nothing was imported.',
};

/** Thrown by lib/export when reading a file; `problem` says which of the cases above it is. */
export class ExportFileError extends Error {
  override name = 'ExportFileError';
  constructor(readonly problem: ExportFileProblem) {
    super(TEXT[problem]);
  }
}
