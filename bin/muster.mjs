#!/usr/bin/env node
// The `muster` command (`npx muster …`): runs the TypeScript CLI through tsx,
// so there is no build step between editing the code and using it.
import { register } from 'tsx/esm/api';

register();
const { runCli, processIo } = await import('../src/cli.ts');
process.exitCode = await runCli(process.argv.slice(2), processIo());
