// Terminal helpers for every command: tables for listings, progress bars for long jobs. Both
// degrade to plain text when output is not a terminal, so pipes and CI logs stay readable.
import { SingleBar } from 'cli-progress';
import Table from 'cli-table3';

export interface TableOptions {
  /** Draw borders (a terminal) or align with spaces only (pipes, logs). */
  borders?: boolean;
}

/** Renders rows under a header row, columns aligned. */
export function renderTable(
  head: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: TableOptions = {},
): string {
  const borders = options.borders ?? process.stdout.isTTY;
  const table = new Table({
    head: [...head],
    style: { head: [], border: [], compact: !borders },
    ...(borders
      ? {}
      : {
          chars: {
            top: '',
            'top-mid': '',
            'top-left': '',
            'top-right': '',
            bottom: '',
            'bottom-mid': '',
            'bottom-left': '',
            'bottom-right': '',
            left: '',
            'left-mid': '',
            mid: '',
            'mid-mid': '',
            right: '',
            'right-mid': '',
            middle: '  ',
          },
        }),
  });
  for (const row of rows)
    table.push(
      row.map((cell) =>
        cell === undefined || cell === null
          ? ''
          : typeof cell === 'object'
            ? JSON.stringify(cell)
            : String(cell as string | number | boolean),
      ),
    );
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

export interface Progress {
  update(done: number, detail?: string): void;
  stop(): void;
}

/**
 * A progress bar on stderr when it is a terminal; otherwise one line per 10% so logs show the
 * job moving without drowning in redraws.
 */
export function startProgress(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (stream.isTTY) {
    const bar = new SingleBar({
      format: `${label} [{bar}] {percentage}% {value}/{total} {detail}`,
      stream,
      hideCursor: true,
      clearOnComplete: false,
    });
    bar.start(total, 0, { detail: '' });
    return {
      update: (done, detail = '') => {
        bar.update(done, { detail });
      },
      stop: () => {
        bar.stop();
      },
    };
  }
  let lastDecile = -1;
  return {
    update: (done, detail = '') => {
      const decile = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (decile === lastDecile) return;
      lastDecile = decile;
      stream.write(
        `${label}: ${String(decile * 10)}% (${String(done)}/${String(total)})${detail ? ` ${detail}` : ''}\n`,
      );
    },
    stop: () => undefined,
  };
}
