// The `otsafe` command line. Each command asks src/app for what it needs; this file only parses
// arguments, prints, and maps failures to the exit codes documented in the README.
import { writeFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import {
  configJsonSchema,
  defaultConfig,
  describePlatform,
  loadConfigFile,
  resolveHome,
  startPlatform,
  stopOnSignals,
  type Config,
} from '../app/index.js';
import { EXIT, VERSION, isOtsafeError } from '../core/index.js';
import { decodeCommand, type DecodeIo } from './decode.js';
import { renderTable } from './ui.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Streaming output with backpressure, for commands that print a lot (decode). */
  stream?: Pick<DecodeIo, 'write' | 'drain' | 'stdin'>;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stream: {
    write: (text) => process.stdout.write(text),
    drain: () => new Promise((resolve) => process.stdout.once('drain', resolve)),
    stdin: () => process.stdin,
  },
};

/** Runs one command line; resolves with the exit code instead of exiting, so tests can call it. */
export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportFailure(error, io);
  }
}

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('otsafe')
    .description('OTsafe: a cyber-safety layer for industrial control systems.')
    .version(VERSION, '-V, --version', 'print the version')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('up')
    .description('run the platform: store, bus and API (and, with --demo, the demo plant)')
    .option('--demo', 'run the demo plant under OTsafe\u2019s watch (what npm start does)', false)
    .option('-c, --config <file>', 'a YAML configuration file; without one, embedded defaults run')
    .action(async (options: { demo: boolean; config?: string }) => {
      const config: Config =
        options.config === undefined ? defaultConfig() : loadConfigFile(options.config);
      const home = resolveHome(io.env);
      const platform = await startPlatform({ config, home, demo: options.demo });
      io.stdout(`OTsafe ${VERSION} is up${options.demo ? ' (demo)' : ''}\n`);
      io.stdout(
        `${renderTable(['service', 'where'], describePlatform(platform), { borders: false })}\n`,
      );
      io.stdout(`Health: ${platform.apiUrl}/api/health\nPress Ctrl-C to stop.\n`);
      const code = await new Promise<number>((resolve) => {
        const detach = stopOnSignals(platform.lifecycle, (c) => {
          detach();
          resolve(c);
        });
      });
      io.stdout(
        code === 0
          ? 'OTsafe stopped cleanly.\n'
          : `OTsafe stopped with errors (exit ${String(code)}); see the log.\n`,
      );
      setExit(code);
    });

  const configCommand = program
    .command('config')
    .description('check and describe configuration files');

  configCommand
    .command('check')
    .description('validate a configuration file and print the settings it results in')
    .argument('<file>', 'the YAML file to check')
    .action((file: string) => {
      const config = loadConfigFile(file);
      io.stdout(`${file}: valid\n`);
      io.stdout(
        `${renderTable(['setting', 'value', 'from'], settingsTable(config), { borders: false })}\n`,
      );
    });

  configCommand
    .command('schema')
    .description('print the configuration schema as JSON Schema (for editors and CI)')
    .option('-o, --out <file>', 'write it to a file instead of standard output')
    .action((options: { out?: string }) => {
      const text = `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
      if (options.out === undefined) io.stdout(text);
      else writeFileSync(options.out, text);
    });

  program
    .command('decode')
    .description(
      'decode a pcap or pcapng capture: one JSON object per Modbus, S7comm, DNP3 or ENIP PDU, per line',
    )
    .argument(
      '<capture>',
      'a .pcap or .pcapng file, or - for standard input (tcpdump -w - | otsafe decode -)',
    )
    .option('--no-values', 'leave register and coil values out of the records')
    .option('--summary', 'print counts per protocol and per error code to stderr at the end', false)
    .action(async (capture: string, options: { values: boolean; summary: boolean }) => {
      const stream = io.stream ?? {
        write: (text: string) => {
          io.stdout(text);
          return true;
        },
        drain: () => Promise.resolve(),
        stdin: () => process.stdin,
      };
      setExit(await decodeCommand(capture, options, { ...stream, stderr: io.stderr }));
    });

  program
    .command('version')
    .description('print the version of OTsafe and of its runtime')
    .action(() => {
      io.stdout(
        `otsafe ${VERSION} (node ${process.versions.node}, ${process.platform}-${process.arch})\n`,
      );
    });

  return program;
}

/** Flattens a configuration into dotted settings, marking those that differ from the defaults. */
function settingsTable(config: Config): string[][] {
  const defaults = flatten(defaultConfig());
  return Object.entries(flatten(config)).map(([key, value]) => [
    key,
    value,
    defaults[key] === value ? 'default' : 'file',
  ]);
}

function flatten(
  value: unknown,
  prefix = '',
  out: Record<string, string> = {},
): Record<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value))
      flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out[prefix] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}

function reportFailure(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (or the help, or the version).
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (isOtsafeError(error)) {
    io.stderr(`error ${error.code}: ${error.message}\n`);
    return error.exitCode;
  }
  io.stderr(
    `error: unexpected failure, please report it:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return EXIT.internal;
}
