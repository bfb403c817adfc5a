// Tables and progress as a pipe sees them.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { renderTable, startProgress } from '../../src/cli/ui.js';

describe('renderTable', () => {
  it('aligns columns without borders for pipes', () => {
    const text = renderTable(
      ['service', 'where'],
      [
        ['api', 'http://127.0.0.1:8080'],
        ['store', undefined],
      ],
      { borders: false },
    );
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^\s*service\s+where$/);
    expect(lines[1]).toMatch(/^\s*api\s+http:\/\/127\.0\.0\.1:8080$/);
    expect(lines[1]!.indexOf('http')).toBe(lines[0]!.indexOf('where'));
    expect(lines[2]).toMatch(/^\s*store$/);
  });

  it('draws borders for terminals', () => {
    expect(renderTable(['a'], [['1']], { borders: true })).toContain('┌');
  });
});

describe('startProgress', () => {
  it('writes one line per tenth when not a terminal', () => {
    const stream = new PassThrough() as unknown as NodeJS.WriteStream;
    let text = '';
    (stream as unknown as PassThrough).on('data', (chunk: Buffer) => (text += chunk.toString()));
    const progress = startProgress('replay', 200, stream);
    for (let i = 0; i <= 200; i++) progress.update(i);
    progress.stop();
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('replay: 0% (0/200)');
    expect(lines[10]).toBe('replay: 100% (200/200)');
  });
});
