/** Writes the sample workbooks the demo and the tests use: samples/2017-08.xlsx and 2017-07.xlsx. */
import { mkdirSync } from 'node:fs';
import { buildPreviousSampleWorkbook, buildSampleWorkbook } from './sample-workbook';

mkdirSync('samples', { recursive: true });
await buildSampleWorkbook().xlsx.writeFile('samples/2017-08.xlsx');
await buildPreviousSampleWorkbook().xlsx.writeFile('samples/2017-07.xlsx');
console.log('wrote samples/2017-08.xlsx, samples/2017-07.xlsx');
