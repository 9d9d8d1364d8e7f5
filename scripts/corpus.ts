/**
 * [issue 16] The corpus scoreboard: every published table in test/corpus/ typed into a workbook,
 * read and evaluated with default settings and no scheme file, judged against the expected
 * results expected.py computed. One line per table; `--text` types every cell as text.
 *
 *   npm run corpus            npm run corpus -- --text
 */
import { loadCorpus, runCorpusTable } from '../test/helpers/corpus-compare';

const asText = process.argv.includes('--text');
let passed = 0;
const corpus = loadCorpus();
for (const { file, table } of corpus) {
  const v = await runCorpusTable(file, table, asText);
  if (v.pass) passed++;
  const how = v.reading ? ` [${v.reading.how}]` : '';
  console.log(
    `${v.pass ? 'PASS' : 'FAIL'}  ${file}${how}${v.pass ? '' : `\n      ${v.reasons.join('\n      ')}`}`,
  );
}
console.log(
  `\n${passed} of ${corpus.length} corpus tables read right with no scheme file${asText ? ' (every cell typed as text)' : ''}.`,
);
