import { readFileSync } from 'node:fs';
import path from 'node:path';
import { categoriesOfEventType, eventTypes } from '@multitrack/domain';
import { parse } from 'yaml';
import { fundingStory } from '@multitrack/read-models';
import { EventTopics, Topics, topicForStream } from '@multitrack/messaging';

interface Schema {
  required?: string[];
  properties?: Record<string, unknown>;
  allOf?: Schema[];
}
interface Doc {
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  components: { messages: Record<string, { payload: Schema }> };
}

const doc = parse(readFileSync(path.resolve(__dirname, '../../../docs/asyncapi.yaml'), 'utf8')) as Doc;
const channelAt = (address: string) =>
  Object.values(doc.channels).find((channel) => channel.address === address);
const dataSchema = (type: string): Schema =>
  (doc.components.messages[type].payload.allOf![1].properties as { data: Schema }).data;

const refs = (node: unknown): string[] =>
  typeof node !== 'object' || node === null
    ? []
    : Object.entries(node).flatMap(([key, value]) => (key === '$ref' ? [value as string] : refs(value)));

const resolves = (ref: string) =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc) !==
  undefined;

describe('the AsyncAPI description (docs/asyncapi.yaml)', () => {
  it('has a channel for every topic the relay and the projector write', () => {
    expect(
      Object.values(doc.channels)
        .map((channel) => channel.address)
        .sort(),
    ).toEqual([...EventTopics, Topics.deadLetter].sort());
  });

  it.each(eventTypes)('describes %s on the topic of every stream category it goes to', (type) => {
    expect(doc.components.messages[type]).toBeDefined();
    for (const category of categoriesOfEventType(type)) {
      const topic = topicForStream(`${category}-x`);
      expect(channelAt(topic)?.messages[type]).toEqual({ $ref: `#/components/messages/${type}` });
    }
  });

  it('describes no event the domain does not write, besides the audit reads', () => {
    const described = Object.values(doc.channels)
      .filter((channel) => channel.address !== Topics.deadLetter)
      .flatMap((channel) => Object.keys(channel.messages));
    expect(described.filter((type) => !eventTypes.includes(type))).toEqual(['AuditRecordRead']);
  });

  it('gives every field of the events a story writes, and requires none it lacks', () => {
    for (const event of fundingStory()) {
      const schema = dataSchema(event.type);
      expect({
        type: event.type,
        missing: (schema.required ?? []).filter((field) => !(field in event.data)),
      }).toEqual({ type: event.type, missing: [] });
      expect({
        type: event.type,
        unknown: Object.keys(event.data).filter((field) => !(field in schema.properties!)),
      }).toEqual({ type: event.type, unknown: [] });
    }
  });

  it('has no dangling reference', () => {
    expect(refs(doc).filter((ref) => !resolves(ref))).toEqual([]);
  });
});
