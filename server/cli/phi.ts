// `reciprocal phi [--json]`: the PHI guard's findings for text on stdin.
// `reciprocal phi --corpus FILE [--json]`: its recall, precision and false-positive
// rate on a labelled corpus (JSON lines `{"text","phi"}`), so published figures reproduce.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { scanForPhi } from '../../src/core/notes/phi.js';
import { guardFigures, parseCorpus } from '../../src/core/notes/phi/evaluation.js';

const usage = 'usage: reciprocal phi [--json] < text\n       reciprocal phi --corpus FILE [--json]\n';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function printFindings(text: string, json: boolean): void {
  const findings = scanForPhi(text).map(({ kind, start, end, text: span }) => ({ kind, start, end, text: span }));
  if (json) {
    process.stdout.write(JSON.stringify(findings) + '\n');
  } else if (findings.length === 0) {
    process.stdout.write('No likely patient identifiers found.\n');
  } else {
    for (const f of findings)
      process.stdout.write(
        `${f.kind.padEnd(12)} ${String(f.start).padStart(5)}-${String(f.end).padEnd(5)} ${JSON.stringify(f.text)}\n`,
      );
  }
}

function printFigures(file: string, json: boolean): number {
  let figures;
  try {
    figures = guardFigures(parseCorpus(readFileSync(file, 'utf8')), scanForPhi);
  } catch (err) {
    process.stderr.write(`reciprocal phi: ${file}: ${(err as Error).message}\n`);
    return 2;
  }
  const { missed, falseAlarms, ...summary } = figures;
  if (json) {
    process.stdout.write(JSON.stringify(summary) + '\n');
    return 0;
  }
  process.stdout.write(
    `${summary.sentences} sentences (${summary.identifierSentences} with identifiers, ${summary.cleanSentences} clean): ` +
      `recall ${summary.recall.toFixed(3)}, precision ${summary.precision.toFixed(3)}, ` +
      `false-positive rate ${summary.falsePositiveRate.toFixed(3)}\n`,
  );
  for (const text of missed) process.stdout.write(`missed       ${JSON.stringify(text)}\n`);
  for (const text of falseAlarms) process.stdout.write(`false alarm  ${JSON.stringify(text)}\n`);
  return 0;
}

export async function run(argv: string[]): Promise<number> {
  let values: { json?: boolean; corpus?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, corpus: { type: 'string' } },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`reciprocal phi: ${(err as Error).message}\n${usage}`);
    return 2;
  }
  if (values.corpus !== undefined) return printFigures(values.corpus, Boolean(values.json));
  printFindings(await readStdin(), Boolean(values.json));
  return 0;
}
