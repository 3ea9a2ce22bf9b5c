import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli.js';
import { cli } from './cli-harness.js';

describe('muster (dispatch and help)', () => {
  it('prints the usage with every command on --help, exit 0', async () => {
    const result = await cli(['--help']);

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    for (const command of COMMANDS) expect(result.stdout).toContain(`  ${command.name}`);
  });

  it.each(COMMANDS.map((c) => [c.name]))('prints the help of "%s" on --help, exit 0', async (name) => {
    const result = await cli([...name.split(' '), '--help']);

    expect(result.code).toBe(0);
    expect(result.stdout.startsWith(`Usage: muster ${name}`)).toBe(true);
    expect(result.stderr).toBe('');
  });

  it('treats "help COMMAND" as "COMMAND --help"', async () => {
    const result = await cli(['help', 'timeline']);
    expect(result.stdout.startsWith('Usage: muster timeline')).toBe(true);
  });

  it('puts the usage on stderr with exit 2 for an unknown command', async () => {
    const result = await cli(['frobnicate']);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith('muster: unknown command "frobnicate"\n')).toBe(true);
    expect(result.stderr).toContain('Usage: muster <command>');
  });

  it('puts the usage on stderr with exit 2 when no command is given', async () => {
    const result = await cli([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('muster: no command given');
  });

  it('lists a group’s commands when only the group is named', async () => {
    const bare = await cli(['directory']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('directory validate');
    expect(bare.stderr).toContain('directory import');

    const help = await cli(['directory', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('directory validate');
  });

  it('calls an unknown subcommand of a group unknown', async () => {
    const result = await cli(['directory', 'explode']);
    expect(result.code).toBe(2);
    expect(result.stderr.startsWith('muster: unknown command "directory explode"')).toBe(true);
  });
});
