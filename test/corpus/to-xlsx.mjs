#!/usr/bin/env node
// Write each corpus table (test/corpus/*.json) as an .xlsx the way a clerk types it: the table's
// title in row 1 (merged across the table), the header row(s), one row per printed row (合计/小计/
// 总计 included), the page's notes below; the merges the JSON notes are merged in the sheet.
//
//   node test/corpus/to-xlsx.mjs <out-dir> [table.json ...]     (default: every table)
//   node test/corpus/to-xlsx.mjs <out-dir> --text                (every cell typed as text)
//
// Typed like a clerk: "1378" → the number 1378; "99.35%" → 0.9935 formatted 0.00% (decimals as
// printed: "99%" → 0%, "89.8%" → 0.0%); anything else (names, "↓22.21%", "—") stays text. The
// outputs are not committed; they are rebuilt from the JSON whenever needed.
import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const here = dirname(fileURLToPath(import.meta.url));

/** A printed cell as a clerk types it into Excel (`asText`: every cell typed as text). */
export function typed(text, asText = false) {
  if (text === null || text === undefined) return { value: null };
  const s = String(text);
  if (asText || s.trim() === '') return { value: s.trim() === '' ? null : s };
  const t = s.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) {
    const decimals = (t.split('.')[1] ?? '').length;
    return { value: Number(t), numFmt: decimals ? `0.${'0'.repeat(decimals)}` : undefined };
  }
  const pct = /^(-?\d+(?:\.(\d+))?)[%％]$/.exec(t);
  if (pct) {
    const decimals = (pct[2] ?? '').length;
    // the value Excel stores when "99.35%" is typed: the number over 100
    return { value: Number(pct[1]) / 100, numFmt: decimals ? `0.${'0'.repeat(decimals)}%` : '0%' };
  }
  return { value: s };
}

/** A sheet name from the period: the part before any bracket, at most 31 characters. */
export function sheetName(period) {
  const short = String(period ?? 'Sheet1')
    .split(/[（(]/)[0]
    .replace(/[[\]:*?/\\]/g, '')
    .trim();
  return (short || 'Sheet1').slice(0, 31);
}

/** The ExcelJS workbook a clerk would type for one corpus table (title, header, rows, notes). */
export function workbookFor(table, asText = false) {
  const grid = [...table.header, ...table.rows];
  const width = Math.max(...grid.map((r) => r.length));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName(table.period));

  // row 1: the title, merged across the table
  ws.getCell(1, 1).value = table.title;
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  if (width > 1) ws.mergeCells(1, 1, 1, width);

  grid.forEach((row, r) => {
    for (let c = 0; c < width; c++) {
      const cell = ws.getCell(r + 2, c + 1);
      const { value, numFmt } =
        r < table.header.length ? { value: row[c] ?? null } : typed(row[c], asText);
      if (value !== null && value !== undefined) cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
    }
  });
  for (const m of table.merges ?? []) {
    const [r0, c0] = m.from;
    const [r1, c1] = m.to;
    ws.mergeCells(r0 + 2, c0 + 1, r1 + 2, c1 + 1);
  }
  let next = grid.length + 2;
  for (const note of table.notes ?? []) ws.getCell(next++, 1).value = note;

  ws.columns.forEach((col, i) => {
    const longest = Math.max(...grid.map((r) => String(r[i] ?? '').length), 4);
    col.width = Math.min(40, longest * 2 + 2);
  });
  return wb;
}

/** Every corpus table file, sorted. */
export function corpusFiles() {
  return readdirSync(here)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(here, f));
}

async function main() {
  const args = process.argv.slice(2);
  const asText = args.includes('--text');
  const positional = args.filter((a) => !a.startsWith('--'));
  const outDir = positional[0];
  if (!outDir) {
    console.error('usage: node test/corpus/to-xlsx.mjs <out-dir> [--text] [table.json ...]');
    process.exit(2);
  }
  const files = positional.length > 1 ? positional.slice(1).map((f) => resolve(f)) : corpusFiles();
  mkdirSync(outDir, { recursive: true });
  for (const file of files) {
    const table = JSON.parse(readFileSync(file, 'utf8'));
    const out = join(outDir, `${basename(file, '.json')}.xlsx`);
    await workbookFor(table, asText).xlsx.writeFile(out);
    console.log(out);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
