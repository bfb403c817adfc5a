#!/usr/bin/env node
// The installed `otsafe` command: runs the compiled CLI (npm run build writes dist/).
import { run } from '../dist/cli/main.js';

// `otsafe decode ... | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await run(process.argv.slice(2));
process.exitCode = code;
// Every socket and timer is closed by now; should a stray handle remain, do not hang on it.
setTimeout(() => process.exit(code), 2_000).unref();
