import type { BusMessage, ConsumedMessage } from '../bus.port';
import { partitionForKey } from './partition-for-key';

/** A consumer as its group sees it: which topics it reads, and how to wake it for new work. */
export interface GroupMember {
  topics: string[];
  wake(): void;
}

interface Group {
  /** Next offset to read, per `topic/partition`: what Kafka keeps in __consumer_offsets. */
  committed: Map<string, number>;
  /** In join order; partition p of a topic belongs to the (p mod n)-th member reading it. */
  members: GroupMember[];
}

export const partitionKey = (topic: string, partition: number) => `${topic}/${partition}`;

/** The in-memory stand-in for a Kafka cluster: partitioned logs and consumer groups. */
export class InProcessBroker {
  private readonly topics = new Map<string, ConsumedMessage[][]>();
  private readonly groups = new Map<string, Group>();

  constructor(private readonly partitions: number) {}

  ensureTopic(topic: string): void {
    if (this.topics.has(topic)) return;
    this.topics.set(
      topic,
      Array.from({ length: this.partitions }, () => []),
    );
  }

  log(topic: string): ConsumedMessage[][] {
    const log = this.topics.get(topic);
    if (!log) throw new Error(`unknown topic "${topic}": create it with ensureTopics first`);
    return log;
  }

  append(messages: BusMessage[]): void {
    // Check every topic first so a batch is stored whole or not at all.
    const logs = messages.map((message) => this.log(message.topic));
    messages.forEach((message, index) => {
      const log = logs[index];
      const partition = partitionForKey(message.key, log.length);
      const offset = String(log[partition].length);
      log[partition].push({ ...message, headers: { ...message.headers }, partition, offset });
    });
    for (const group of this.groups.values()) group.members.forEach((member) => member.wake());
  }

  join(groupId: string, member: GroupMember, fromBeginning: boolean): void {
    const group = this.group(groupId);
    for (const topic of member.topics) {
      this.log(topic).forEach((messages, partition) => {
        const key = partitionKey(topic, partition);
        // Kafka's "latest" reset: a new group that does not start from the beginning skips the past.
        if (!group.committed.has(key)) group.committed.set(key, fromBeginning ? 0 : messages.length);
      });
    }
    group.members.push(member);
    group.members.forEach((other) => other.wake());
  }

  leave(groupId: string, member: GroupMember): void {
    const group = this.group(groupId);
    group.members = group.members.filter((other) => other !== member);
    group.members.forEach((other) => other.wake());
  }

  owns(groupId: string, member: GroupMember, topic: string, partition: number): boolean {
    const readers = this.group(groupId).members.filter((other) => other.topics.includes(topic));
    return readers[partition % readers.length] === member;
  }

  committed(groupId: string, topic: string, partition: number): number {
    return this.group(groupId).committed.get(partitionKey(topic, partition)) ?? 0;
  }

  commit(groupId: string, topic: string, partition: number, next: number): void {
    this.group(groupId).committed.set(partitionKey(topic, partition), next);
  }

  private group(groupId: string): Group {
    let group = this.groups.get(groupId);
    if (!group) this.groups.set(groupId, (group = { committed: new Map(), members: [] }));
    return group;
  }
}
