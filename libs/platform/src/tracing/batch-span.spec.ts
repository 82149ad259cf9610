import { trace } from '@opentelemetry/api';
import { batchSpanStart } from './batch-span';

const command = (span: string) => `00-4bf92f3577b34da6a3ce929d0e0e4736-${span}-01`;

describe('batchSpanStart', () => {
  it('puts a batch whose messages come from one command under that command', () => {
    const start = batchSpanStart([command('00f067aa0ba902b7'), command('00f067aa0ba902b7'), undefined]);
    expect(trace.getSpanContext(start.parent)?.spanId).toBe('00f067aa0ba902b7');
    expect(start.links).toEqual([]);
  });

  it('starts a trace of its own, linked to each command, when the messages come from several', () => {
    const start = batchSpanStart([
      command('00f067aa0ba902b7'),
      command('1111111111111111'),
      command('00f067aa0ba902b7'),
    ]);
    expect(trace.getSpanContext(start.parent)).toBeUndefined();
    expect(start.links.map((link) => link.context.spanId)).toEqual(['00f067aa0ba902b7', '1111111111111111']);
  });

  it('starts a trace of its own, unlinked, when no message carries trace context', () => {
    const start = batchSpanStart([undefined, 'garbage']);
    expect(trace.getSpanContext(start.parent)).toBeUndefined();
    expect(start.links).toEqual([]);
  });
});
