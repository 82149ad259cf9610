import { execFileSync } from 'node:child_process';
import { kafkaLeaseVariable, kafkaScript } from './global-setup';

// Stops only what the setup started: it gives back this run's lease on the local Kafka, which
// stops when no other test run holds one and nobody started it by hand. PostgreSQL stays up.
export default async function globalTeardown(): Promise<void> {
  const lease = process.env[kafkaLeaseVariable];
  if (!lease) return;
  execFileSync('bash', [kafkaScript, 'release', lease], { stdio: ['ignore', 'ignore', 'inherit'] });
  delete process.env[kafkaLeaseVariable];
}
