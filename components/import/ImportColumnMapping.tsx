/**
 * For a CSV of no known manager: which column holds which field, with the first rows as a preview.
 * Columns mapped to the password or TOTP secret, columns named like a secret (PIN, card number), and any
 * cell that holds a card number or an `otpauth://` link are masked in the preview.
 */
import { useId } from 'react';
import { MAPPED_FIELDS, type ColumnMapping, type CsvTable, type MappedField } from '../../lib/import/import-types';
import { customField, isSecretFieldName } from '../../lib/import/page/formats/custom-field';

const FIELD_LABEL: Readonly<Record<MappedField, string>> = {
  title: 'Title', username: 'Username', password: 'Password', url: 'URL', notes: 'Notes', totp: 'TOTP secret', folder: 'Folder',
};

/** Rows shown in the preview. */
const PREVIEW_ROWS = 5;
const NONE = '';

export interface ImportColumnMappingProps {
  table: CsvTable;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}

export function ImportColumnMapping({ table, mapping, onChange }: ImportColumnMappingProps) {
  const baseId = useId();
  const masked = new Set([
    ...[mapping.password, mapping.totp].filter((index) => index !== null),
    ...table.header.flatMap((name, index) => (isSecretFieldName(name) ? [index] : [])),
  ]);
  const columnName = (index: number) => table.header[index] || `Column ${index + 1}`;

  return (
    <section className="import-mapping" data-testid="import-mapping" aria-labelledby={`${baseId}-heading`}>
      <h3 id={`${baseId}-heading`}>Columns</h3>
      <p className="hint">Say which column holds what. Columns you leave out are kept as custom fields.</p>
      <div className="mapping-grid">
        {MAPPED_FIELDS.map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`${baseId}-${field}`}>{FIELD_LABEL[field]} column</label>
            <select
              id={`${baseId}-${field}`}
              value={mapping[field] === null ? NONE : String(mapping[field])}
              onChange={(event) => onChange({ ...mapping, [field]: event.target.value === NONE ? null : Number(event.target.value) })}
            >
              <option value={NONE}>(none)</option>
              {table.header.map((_, index) => (
                <option key={index} value={index}>
                  {columnName(index)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <div className="preview-scroll">
        <table className="events preview" aria-label={`First ${PREVIEW_ROWS} rows`}>
          <thead>
            <tr>
              <th scope="col">Row</th>
              {table.header.map((_, index) => (
                <th scope="col" key={index}>
                  {columnName(index)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.records.slice(0, PREVIEW_ROWS).map((record) => (
              <tr key={record.row}>
                <td>{record.row}</td>
                {record.cells.map((cell, index) => (
                  <td key={index}>{cell !== '' && (masked.has(index) || customField('', cell).hidden) ? '••••••' : cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
