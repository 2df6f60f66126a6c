#!/usr/bin/env node
// Entry point of the `sre-lab` command. Node ≥ 22.18 runs the TypeScript sources directly (type
// stripping), so a checkout, `npx sre-lab` and AWS CloudShell all run the same code without a build.
import { main } from '../graders/cli/main.ts';

process.exitCode = await main(process.argv.slice(2));
