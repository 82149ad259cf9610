import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** API.md: `whsec_` + base64 of 32 random bytes, the Standard Webhooks secret format. */
export const newSigningSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

/**
 * The signing secrets at rest: AES-256-GCM under the webhooks key, the subscription id as
 * additional data so a sealed secret cannot be moved to another subscription. A deliverer needs
 * the plaintext to sign, so it is sealed, never hashed.
 */
export class SubscriptionSecrets {
  constructor(private readonly key: Buffer) {}

  seal(subscriptionId: string, secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(subscriptionId));
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64')}`;
  }

  open(subscriptionId: string, sealed: string): string {
    const bytes = Buffer.from(sealed.replace(/^v1:/, ''), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12))
      .setAAD(Buffer.from(subscriptionId))
      .setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  }
}
