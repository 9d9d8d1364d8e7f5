/** Writes samples/2017-08.xlsx, the workbook the demo and the tests use. */
import { mkdirSync } from 'node:fs';
import { buildSampleWorkbook } from './sample-workbook';

const out = process.argv[2] ?? 'samples/2017-08.xlsx';
mkdirSync('samples', { recursive: true });
await buildSampleWorkbook().xlsx.writeFile(out);
console.log(`wrote ${out}`);
