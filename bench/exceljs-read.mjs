// The baseline the CLI is measured against (npm run bench): a Node process that only reads
// the workbook with ExcelJS. Usage: node bench/exceljs-read.mjs <file.xlsx>
import ExcelJS from 'exceljs';

await new ExcelJS.Workbook().xlsx.readFile(process.argv[2]);
