// `reciprocal phi [--json]`: the PHI guard's findings for text on stdin.
import { parseArgs } from 'node:util';
import { scanForPhi } from '../../src/core/notes/phi.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

export async function run(argv: string[]): Promise<number> {
  let json = false;
  try {
    json = Boolean(parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true }).values.json);
  } catch (err) {
    process.stderr.write(`reciprocal phi: ${(err as Error).message}\nusage: reciprocal phi [--json] < text\n`);
    return 2;
  }
  const text = await readStdin();
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
  return 0;
}
