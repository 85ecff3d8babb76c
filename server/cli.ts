// The `reciprocal` command. Each subcommand lives in its own module under
// server/cli/ and is loaded only when asked for.
type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<{ run: Command }> }> = {
  serve: {
    summary: 'start the app (and the embedded dev tenant when no tenant is configured)',
    load: () => import('./cli/serve.js'),
  },
  seed: { summary: "seed --reset: rebuild the dev tenant's demo organization", load: () => import('./cli/seed.js') },
  slots: {
    summary: 'slots --schedule-file F --start ISO --end ISO --duration MIN [--json]',
    load: () => import('./cli/slots.js'),
  },
  phi: { summary: 'phi [--json]: scan stdin for patient identifiers', load: () => import('./cli/phi.js') },
  schedule: { summary: 'schedule --department NAME [--dry-run]', load: () => import('./cli/schedule.js') },
  match: { summary: 'match --input F [--json]: propose a pairing round', load: () => import('./cli/match.js') },
  doctor: {
    summary: 'doctor [--json]: check the configured tenant (or the dev tenant) and say how to fix each problem',
    load: () => import('./cli/doctor.js'),
  },
  docs: {
    summary: 'docs [--write]: check (or regenerate) the permission tables in README.md and docs/deploy.md',
    load: () => import('./cli/docs.js'),
  },
  package: {
    summary: 'package: write build/appPackage.zip from appPackage/ and env',
    load: () => import('./cli/package.js'),
  },
};

function usage(): string {
  return [
    'usage: reciprocal <command> [options]',
    '',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`),
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`reciprocal: unknown command "${name}"\n${usage()}\n`);
    return 2;
  }
  const { run } = await command.load();
  return run(rest);
}
