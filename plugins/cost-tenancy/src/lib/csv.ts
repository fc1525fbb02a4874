import { toCsv } from '@internal/plugin-cost-tenancy-common';

/** Saves rows as a CSV file in the browser, cells escaped against formula injection. */
export function downloadCsv(name: string, header: string[], rows: unknown[][]) {
  const blob = new Blob([toCsv(header, rows)], {
    type: 'text/csv;charset=utf-8',
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}.csv`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
