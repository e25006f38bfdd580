/**
 * `npm run eval:autofill -- [--corpus <dir>] [--only <text>] [--details]`: scores the form detector on a labelled corpus
 * in headless Chromium and prints the report as JSON (see tests/corpus/evaluate-corpus.ts). The default corpus
 * is ../shared/autofill-corpus next to the repository; it is test data and stays outside the repository.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../tests/corpus/bundle-detector';
import { evaluateCorpus } from '../tests/corpus/evaluate-corpus';

const { values } = parseArgs({
  options: { corpus: { type: 'string' }, only: { type: 'string' }, details: { type: 'boolean' } },
});
const corpus = resolve(REPO_ROOT, values.corpus ?? '../shared/autofill-corpus');
if (!existsSync(resolve(corpus, 'labels.json'))) {
  process.stderr.write(`No labels.json in ${corpus}; pass --corpus <dir>.\n`);
  process.exit(2);
}
const report = await evaluateCorpus(corpus, {
  ...(values.only === undefined ? {} : { only: values.only }),
  details: values.details === true,
});
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
