import { Command, CommanderError, Option } from 'commander';
import { auditClient, ClientError, EXIT } from './audit-client';
import {
  checkConsistency,
  checkedCheckpoint,
  checkInclusion,
  fetchPublicKey,
  VerificationFailure,
} from './checks';
import { download, replay } from './replay';
import { verifyDocument } from './verify-document';
import { witnessRound } from './witness';

/**
 * `npm run audit -- <command>`: an auditor's checks against the audit API. Exit codes: 0 ok,
 * 1 a verification failed, 2 usage or connection error. docs/audit.md explains each command.
 */
const program = new Command('audit')
  .description('Check the Multitrack audit log: signatures, proofs, hash chains, exports, reconciliation')
  .addOption(
    new Option('--url <url>', 'audit API base URL').env('AUDIT_API_URL').default('http://127.0.0.1:3001'),
  )
  .addOption(
    new Option('--token <jwt>', 'bearer token (auditor, or witness for `witness`)').env('AUDIT_TOKEN'),
  )
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text) });

const client = () => auditClient(program.opts<{ url: string; token?: string }>());
const say = (line: string) => process.stdout.write(`${line}\n`);
const keyOptions = (command: Command) =>
  command
    .option('--public-key <base64>', "the log's raw Ed25519 public key (default: fetched once from the API)")
    .option('--log-name <name>', "the log's key name, with --public-key");

keyOptions(program.command('verify'))
  .description(
    "verify a checkpoint's signature, and optionally an inclusion and a consistency proof against it",
  )
  .option('--tree-size <n>', 'the checkpoint to verify (default: latest)', Number)
  .option('--position <p>', 'prove the event at this global position included', Number)
  .option('--from <n>', 'prove the checkpoint consistent with the earlier checkpoint of this size', Number)
  .action(
    async (options: {
      treeSize?: number;
      position?: number;
      from?: number;
      publicKey?: string;
      logName?: string;
    }) => {
      const api = client();
      const key = await fetchPublicKey(api, { name: options.logName, publicKey: options.publicKey });
      const checkpoint = await checkedCheckpoint(api, key, options.treeSize);
      say(
        `checkpoint ${checkpoint.treeSize} is signed by ${key.name}; root ${checkpoint.rootHash.toString('base64')}`,
      );
      if (options.position !== undefined)
        say(
          `event at position ${options.position} is leaf ${await checkInclusion(api, options.position, checkpoint)} of that tree`,
        );
      if (options.from !== undefined) {
        const earlier = await checkedCheckpoint(api, key, options.from);
        await checkConsistency(api, earlier, checkpoint);
        say(`the tree of ${checkpoint.treeSize} extends the signed tree of ${earlier.treeSize} unchanged`);
      }
    },
  );

keyOptions(program.command('verify-document <file>'))
  .description(
    'hash a local file and prove it is the document filed under --id: the attaching event, its proof and a signed checkpoint',
  )
  .requiredOption('--id <documentId>', 'the document id (as POST /v1/documents answered)')
  .action(async (file: string, options: { id: string; publicKey?: string; logName?: string }) => {
    const api = client();
    const key = await fetchPublicKey(api, { name: options.logName, publicKey: options.publicKey });
    const proved = await verifyDocument(api, key, file, options.id);
    say(
      `${file} is document ${options.id} (sha-256 ${proved.sha256}), attached in ${proved.streamId} at position ${proved.position}: leaf ${proved.leafIndex} of the tree of ${proved.treeSize} signed by ${key.name}`,
    );
  });

program
  .command('replay')
  .description('download the whole log and recompute every hash chain and the Merkle root locally')
  .option('--from-position <p>', 'start at this position (chains are then checked from there)', Number)
  .option('--out <file>', 'keep the NDJSON copy')
  .action(async (options: { fromPosition?: number; out?: string }) => {
    const api = client();
    const expected = Number((await api.text('/v1/audit/checkpoints/latest')).split('\n')[1]) || 0;
    const result = await replay(api, { ...options, expected });
    if (result.firstBroken)
      throw new VerificationFailure(`broken hash chain: ${JSON.stringify(result.firstBroken)}`);
    say(
      `${result.events} events, every hash chain whole; Merkle root ${result.headDigest} (compare with checkpoint ${result.events})`,
    );
  });

program
  .command('as-of <streamId>')
  .description("an entity's state rebuilt from its events recorded at or before an instant")
  .option('--at <iso>', 'ISO 8601 instant (default: now)')
  .action(async (streamId: string, options: { at?: string }) => {
    const query = options.at ? `?asOf=${encodeURIComponent(options.at)}` : '';
    say(
      JSON.stringify(
        await client().json(`/v1/audit/entities/${encodeURIComponent(streamId)}${query}`),
        null,
        2,
      ),
    );
  });

program
  .command('export <format>')
  .description('stream an export: ndjson, iati or csv')
  .option('--out <file>', 'write to this file (default: stdout)')
  .option('--category <category>', 'ndjson: only this stream category')
  .action(async (format: string, options: { out?: string; category?: string }) => {
    const paths: Record<string, string> = {
      ndjson: `/v1/audit/export${options.category ? `?category=${options.category}` : ''}`,
      iati: '/v1/audit/export/iati',
      csv: '/v1/audit/export/funding.csv',
    };
    if (!paths[format])
      throw new CommanderError(EXIT.usage, 'audit.format', `unknown format ${format}: ndjson, iati or csv`);
    const bytes = await download(client(), paths[format], options.out);
    if (options.out) say(`${bytes} bytes written to ${options.out}`);
  });

program
  .command('reconcile')
  .description('rebuild the read models from the log and diff them against the live ones')
  .action(async () => {
    const result = await client().json<{ consistent: boolean; differences: unknown[] }>(
      '/v1/audit/reconciliations',
      { method: 'POST', body: '{}' },
    );
    say(JSON.stringify(result, null, 2));
    if (!result.consistent) throw new VerificationFailure(`${result.differences.length} differences`);
  });

keyOptions(program.command('witness'))
  .description('check the newest checkpoint against the last one seen, then cosign it')
  .requiredOption('--key <file>', "the witness's base64 PKCS#8 Ed25519 private key")
  .requiredOption('--name <name>', "the witness's key name, as in AUDIT_WITNESS_KEYS")
  .option('--state <file>', 'where the last checkpoint seen is kept', 'witness-state.json')
  .action((options: { key: string; name: string; state: string; publicKey?: string; logName?: string }) =>
    witnessRound(client(), options, say),
  );

const exitCodeOf = (error: unknown): number => {
  if (error instanceof VerificationFailure) return EXIT.verificationFailed;
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  return EXIT.usage;
};

program.parseAsync(process.argv).then(
  () => process.exit(EXIT.ok),
  (error: unknown) => {
    if (!(error instanceof CommanderError))
      process.stderr.write(
        `${error instanceof VerificationFailure ? 'VERIFICATION FAILED' : 'error'}: ${(error as Error).message}\n`,
      );
    process.exit(exitCodeOf(error));
  },
);

export { ClientError };
