/* eslint-disable @typescript-eslint/no-explicit-any -- answers are untyped JSON */
import { signDevelopmentToken } from '@multitrack/auth';
import { validOffer, validRequest } from '../../coordination/support/scenario';
import { pause } from './processes';

export const TRANCHE = { amount: '300.00', currency: 'USD' };
export const COMMITMENT = { amount: '1000.00', currency: 'USD' };
/** Four tranches of 300 against 1 000 committed, sent at once: exactly three may be disbursed. */
export const TRANCHES_PER_MATCH = 4;

export interface CommandOutcome {
  key: string;
  route: string;
  /** `interrupted`: the load stopped while it was still retrying; its fate is unknown. */
  status: number | 'gave-up' | 'interrupted';
  body: any;
  attempts: number;
}

export interface StoryOutcome {
  matchId?: string;
  disbursed: number;
  /** Tranches still being retried when the load stopped: appended or not, nobody was told. */
  interrupted?: number;
}

const RETRYABLE = new Set([409, 429, 500, 502, 503, 504]);

/**
 * Steady mixed load: workers each run funding stories (request, offer, match, commitment, four
 * concurrent tranches) again and again. Every POST carries an Idempotency-Key and is retried with
 * the same key through refused connections and 5xx until it gets a definitive answer.
 */
export class Load {
  readonly outcomes: CommandOutcome[] = [];
  readonly stories: StoryOutcome[] = [];
  private running = false;
  private started = false;
  private workers: Promise<void>[] = [];
  private tokens: Record<'officer' | 'ngo', string> = { officer: '', ngo: '' };

  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly run: string,
    private readonly organizationId: string,
    private readonly giveUpAfterMs = 60_000,
  ) {}

  async prepare(): Promise<void> {
    this.tokens = {
      officer: await signDevelopmentToken({
        secret: this.secret,
        sub: 'officer-chaos',
        roles: ['officer'],
        ttlSeconds: 7200,
      }),
      ngo: await signDevelopmentToken({
        secret: this.secret,
        sub: 'ngo-chaos',
        roles: ['ngo'],
        org: this.organizationId,
        ttlSeconds: 7200,
      }),
    };
    const registered = await this.command('org', 'officer', '/v1/organizations', {
      id: this.organizationId,
      name: 'Chaos Peace Bridges',
      country: 'GB',
      tracks: [2, 5],
      contactEmail: 'chaos@peacebridges.example',
    });
    const vetted = await this.command('vet', 'officer', `/v1/organizations/${this.organizationId}/vetting`, {
      decision: 'approved',
      note: 'chaos',
    });
    if (registered.status !== 201 || vetted.status !== 200)
      throw new Error(`could not vet the chaos NGO: ${registered.status} ${vetted.status}`);
  }

  start(workers: number): void {
    this.running = true;
    this.started = true;
    this.workers = Array.from({ length: workers }, (_, worker) => this.work(worker));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }

  private async work(worker: number): Promise<void> {
    for (let story = 0; this.running; story++) {
      const outcome = await this.story(`${worker}-${story}`);
      this.stories.push(outcome);
    }
  }

  private async story(id: string): Promise<StoryOutcome> {
    const request = await this.command(`${id}-request`, 'officer', '/v1/requests', validRequest());
    if (request.status !== 201) return { disbursed: 0 };
    const offer = await this.command(
      `${id}-offer`,
      'ngo',
      `/v1/requests/${request.body.id}/offers`,
      validOffer(),
    );
    if (offer.status !== 201) return { disbursed: 0 };
    const match = await this.command(`${id}-match`, 'officer', '/v1/matches', {
      requestId: request.body.id,
      offerId: offer.body.id,
    });
    if (match.status !== 201) return { disbursed: 0 };
    const matchId: string = match.body.id;
    const commitment = await this.command(`${id}-commit`, 'officer', `/v1/matches/${matchId}/commitments`, {
      amount: COMMITMENT,
    });
    if (commitment.status !== 201) return { matchId, disbursed: 0 };
    const tranches = await Promise.all(
      Array.from({ length: TRANCHES_PER_MATCH }, (_, n) =>
        this.command(`${id}-tranche-${n}`, 'officer', `/v1/matches/${matchId}/disbursements`, {
          amount: TRANCHE,
          reference: `CHAOS-${id}-${n}`,
        }),
      ),
    );
    return {
      matchId,
      disbursed: tranches.filter((tranche) => tranche.status === 201).length,
      interrupted: tranches.filter((tranche) => tranche.status === 'interrupted').length,
    };
  }

  private async command(
    step: string,
    role: 'officer' | 'ngo',
    route: string,
    body: unknown,
  ): Promise<CommandOutcome> {
    const key = `${this.run}-${step}`;
    const began = Date.now();
    for (let attempts = 1; ; attempts++) {
      let status: number | undefined;
      let answer: any;
      try {
        const response = await fetch(`${this.url}${route}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${this.tokens[role]}`,
            'content-type': 'application/json',
            'idempotency-key': key,
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(15_000),
        });
        status = response.status;
        answer = await response.json().catch(() => undefined);
      } catch {
        status = undefined;
      }
      if (status !== undefined && !RETRYABLE.has(status))
        return this.record({ key, route, status, body: answer, attempts });
      if (!this.running && this.started)
        return this.record({ key, route, status: 'interrupted', body: answer, attempts });
      if (Date.now() - began > this.giveUpAfterMs)
        return this.record({ key, route, status: 'gave-up', body: answer, attempts });
      await pause(Math.min(2000, 100 * 2 ** Math.min(attempts, 5)));
    }
  }

  private record(outcome: CommandOutcome): CommandOutcome {
    this.outcomes.push(outcome);
    return outcome;
  }
}
