import { randomBytes } from 'node:crypto';
import { createTestDatabase, Database, TestDatabase } from '@multitrack/database';
import {
  createPersonalDataVault,
  PersonalDataErasedError,
  PersonalDataKeyMissingError,
  PersonalDataKeyUnwrapError,
  PersonalDataTamperedError,
  PersonalDataVault,
  rewrapAll,
} from '@multitrack/personal-data';

const keyRows = async (db: Database, subjectId: string) =>
  (await db.query('SELECT subject_id FROM personal_data_keys WHERE subject_id = $1', [subjectId])).rows
    .length;

/** Flips one bit inside the base64 payload of a ciphertext. */
const tamper = (ciphertext: string): string => {
  const cut = ciphertext.lastIndexOf(':') + 1;
  const bytes = Buffer.from(ciphertext.slice(cut), 'base64');
  bytes[bytes.length - 1] ^= 0x01;
  return ciphertext.slice(0, cut) + bytes.toString('base64');
};

describe.each(['postgres', 'pglite'] as const)('the personal data vault on %s', (kind) => {
  let test: TestDatabase;
  let masterKey: Buffer;
  let vault: PersonalDataVault;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    masterKey = randomBytes(32);
    vault = await createPersonalDataVault(test.db, masterKey);
  });
  afterAll(() => test.drop());

  it('gives back what it encrypted, from a self-describing ciphertext', async () => {
    const ciphertext = await vault.encrypt('US-EIN-1', 'ada@example.org');

    expect(ciphertext).toMatch(/^pd:v1:US-EIN-1:[A-Za-z0-9+/]+=*$/);
    expect(vault.isPersonalCiphertext(ciphertext)).toBe(true);
    expect(await vault.decrypt(ciphertext)).toBe('ada@example.org');
  });

  it('never shows the plaintext in the ciphertext, and encrypts the same text differently each time', async () => {
    const plaintext = 'grace.hopper@example.org';
    const first = await vault.encrypt('US-EIN-2', plaintext);
    const second = await vault.encrypt('US-EIN-2', plaintext);

    expect(first).not.toContain(plaintext);
    expect(first).not.toContain(Buffer.from(plaintext).toString('base64').slice(0, 12));
    expect(first).not.toBe(second);
  });

  it('decrypts with a fresh vault on the same database and master key (the key is stored, not remembered)', async () => {
    const ciphertext = await vault.encrypt('US-EIN-3', 'Ada Lovelace');
    const restarted = await createPersonalDataVault(test.db, masterKey);

    expect(await restarted.decrypt(ciphertext)).toBe('Ada Lovelace');
  });

  it('returns null once the subject is erased, deletes the key row, and erases idempotently', async () => {
    const ciphertext = await vault.encrypt('US-EIN-4', 'ada@example.org');
    expect(await vault.decrypt(ciphertext)).toBe('ada@example.org'); // now cached

    await vault.erase('US-EIN-4');
    await vault.erase('US-EIN-4');

    expect(await vault.decrypt(ciphertext)).toBeNull();
    expect(await vault.isErased('US-EIN-4')).toBe(true);
    expect(await keyRows(test.db, 'US-EIN-4')).toBe(0);
    expect(await (await createPersonalDataVault(test.db, masterKey)).decrypt(ciphertext)).toBeNull();
  });

  it('refuses to encrypt anything new for an erased subject', async () => {
    await vault.encrypt('US-EIN-5', 'before');
    await vault.erase('US-EIN-5');

    await expect(vault.encrypt('US-EIN-5', 'after')).rejects.toThrow(PersonalDataErasedError);
    expect(await keyRows(test.db, 'US-EIN-5')).toBe(0);
  });

  it('leaves other subjects readable when one is erased', async () => {
    const kept = await vault.encrypt('US-EIN-6', 'kept@example.org');
    await vault.encrypt('US-EIN-7', 'gone@example.org');

    await vault.erase('US-EIN-7');

    expect(await vault.decrypt(kept)).toBe('kept@example.org');
    expect(await vault.isErased('US-EIN-6')).toBe(false);
  });

  it('throws PersonalDataTamperedError for a ciphertext with one bit changed', async () => {
    const ciphertext = await vault.encrypt('US-EIN-8', 'ada@example.org');

    await expect(vault.decrypt(tamper(ciphertext))).rejects.toThrow(PersonalDataTamperedError);
  });

  it('throws PersonalDataTamperedError for a ciphertext moved to another subject', async () => {
    const ada = await vault.encrypt('US-EIN-9', 'ada@example.org');
    await vault.encrypt('US-EIN-10', 'grace@example.org');

    await expect(vault.decrypt(ada.replace('US-EIN-9', 'US-EIN-10'))).rejects.toThrow(
      PersonalDataTamperedError,
    );
  });

  it('does not unwrap a data key copied onto another subject (the subject is the wrap AAD)', async () => {
    const victim = await vault.encrypt('US-EIN-11', 'victim@example.org');
    await vault.encrypt('US-EIN-12', 'other@example.org');
    await test.db.query(
      `UPDATE personal_data_keys SET wrapped_key = (SELECT wrapped_key FROM personal_data_keys WHERE subject_id = 'US-EIN-12')
        WHERE subject_id = 'US-EIN-11'`,
    );
    const fresh = await createPersonalDataVault(test.db, masterKey);

    await expect(fresh.decrypt(victim)).rejects.toThrow(PersonalDataKeyUnwrapError);
  });

  it('says so when a key is missing although no erasure was recorded', async () => {
    const ciphertext = await vault.encrypt('US-EIN-13', 'ada@example.org');
    await test.db.query(`DELETE FROM personal_data_keys WHERE subject_id = 'US-EIN-13'`);
    const fresh = await createPersonalDataVault(test.db, masterKey);

    await expect(fresh.decrypt(ciphertext)).rejects.toThrow(PersonalDataKeyMissingError);
  });

  it('refuses to unwrap with another master key, naming the variable to check', async () => {
    const ciphertext = await vault.encrypt('US-EIN-14', 'ada@example.org');
    const misconfigured = await createPersonalDataVault(test.db, randomBytes(32));

    await expect(misconfigured.decrypt(ciphertext)).rejects.toThrow(/PERSONAL_DATA_MASTER_KEY/);
  });

  it('ends with one key when many vaults encrypt for a new subject at once', async () => {
    const vaults = await Promise.all(
      Array.from({ length: 8 }, () => createPersonalDataVault(test.db, masterKey)),
    );

    const ciphertexts = await Promise.all(vaults.map((each, i) => each.encrypt('US-EIN-15', `name ${i}`)));

    expect(await keyRows(test.db, 'US-EIN-15')).toBe(1);
    const reader = await createPersonalDataVault(test.db, masterKey);
    expect(await Promise.all(ciphertexts.map((each) => reader.decrypt(each)))).toEqual(
      ciphertexts.map((_, i) => `name ${i}`),
    );
  });
});

describe.each(['postgres', 'pglite'] as const)('rotating the master key on %s', (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
  });
  afterAll(() => test.drop());

  it('rewraps every data key under the new master key without touching any ciphertext', async () => {
    const [oldMaster, newMaster] = [randomBytes(32), randomBytes(32)];
    const before = await createPersonalDataVault(test.db, oldMaster);
    const ciphertexts = await Promise.all(
      ['A', 'B', 'C'].map((subject) => before.encrypt(subject, `name ${subject}`)),
    );
    const during = await createPersonalDataVault(test.db, newMaster, { previousMasterKeys: [oldMaster] });
    expect(await during.decrypt(ciphertexts[0])).toBe('name A');

    const first = await rewrapAll(test.db, oldMaster, newMaster, 2);
    const second = await rewrapAll(test.db, oldMaster, newMaster, 2);

    expect(first).toEqual({ rewrapped: 3, failed: [] });
    expect(second).toEqual({ rewrapped: 0, failed: [] });
    const after = await createPersonalDataVault(test.db, newMaster);
    expect(await Promise.all(ciphertexts.map((each) => after.decrypt(each)))).toEqual([
      'name A',
      'name B',
      'name C',
    ]);
    const stale = await createPersonalDataVault(test.db, oldMaster);
    await expect(stale.decrypt(ciphertexts[0])).rejects.toThrow(PersonalDataKeyUnwrapError);
  });

  it('names the keys the old master key cannot unwrap and rewraps the rest', async () => {
    const [oldMaster, newMaster] = [randomBytes(32), randomBytes(32)];
    const vault = await createPersonalDataVault(test.db, oldMaster);
    await vault.encrypt('D', 'name D');
    await vault.encrypt('E', 'name E');
    await test.db.query(
      `UPDATE personal_data_keys SET wrapped_key = decode('00', 'hex') WHERE subject_id = 'D'`,
    );

    expect(await rewrapAll(test.db, oldMaster, newMaster)).toEqual({ rewrapped: 1, failed: ['D'] });
  });
});
