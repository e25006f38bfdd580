/**
 * Turns an import file's bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's
 * "Unicode text"), else Windows-1252 (older spreadsheets); refuses what is not text at all.
 */
import { ImportFileError } from '../import-types';

/** Largest file read, in bytes (64 MiB): far beyond any password export, small enough to parse in a page. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** The text of an import file and the encoding it was read with. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, i) => bytes[i] === byte);

/**
 * @param bytes - the whole file as read (File.arrayBuffer())
 * @returns the text without a byte-order mark, and its encoding
 * @throws ImportFileError for an empty or oversized file, a ZIP archive (.xlsx, .1pux), a PDF, or binary data
 * @example decodeImportText(new TextEncoder().encode('\uFEFFname,url')).text // 'name,url'
 */
export function decodeImportText(bytes: Uint8Array): DecodedText {
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportFileError('The file is larger than 64 MB; no password export is that big.');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    throw new ImportFileError(
      'This is a ZIP archive (for example an Excel .xlsx spreadsheet or a 1Password .1pux export), not a CSV or JSON file. Save or export it as CSV, then import that.',
    );
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw new ImportFileError('This is a PDF document, not a CSV or JSON export.');
  let decoded: DecodedText;
  if (startsWith(bytes, [0xff, 0xfe])) {
    decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  } else {
    // A NUL byte never occurs in UTF-8 or Windows-1252 text; it does in images, archives and databases.
    if (bytes.includes(0)) throw new ImportFileError('This is not a text file: it holds binary data. Import a CSV or JSON export.');
    decoded = decodeSingleByteOrUtf8(bytes);
  }
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  if (text.trim() === '') throw new ImportFileError('The file is empty.');
  return { ...decoded, text };
}

/** Windows-1252's characters for bytes 0x80–0x9F (WHATWG Encoding index); the 5 unassigned bytes stay C1 controls. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeSingleByteOrUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: a spreadsheet saved in the Windows ("ANSI") code page, as Excel does by default.
    // Node's TextDecoder decodes 'windows-1252' as Latin-1 (0x80–0x9F become C1 controls), browsers per
    // WHATWG; mapping that range here gives the same text in both. Can go once Node follows WHATWG.
    const text = new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
    return { text, encoding: 'windows-1252' };
  }
}
