/**
 * Claim checks in the background (issue 16). On a cold tab the page's own thread spent most of our
 * start→ready compiling the claim checker's regexes for the first sentences that mention a subject
 * (150–240 ms on the seed articles). The background has them compiled once, for every tab, off the page's
 * thread: the content script finds the mentions itself and sends only the paragraphs that hold one, in one
 * message per scan slice. The text goes from our content script to our background and nowhere else.
 *
 * Replies are checked by hand (no zod on the scan path); tests/unit/content/remote-claims.test.ts holds the
 * check to the contract's `claimHitsSchema`. Any failure rejects, and the page checks those paragraphs itself.
 */
import { ENTITY_IDS, VERDICTS, type EntityId } from '../data/vocabulary';
import { CLAIMS_CHECK_BATCH_MAX, ISO_DAY } from '../shared/claims-check-limits';
import { STANCES } from '../shared/claims/types';
import type { ClaimHit } from '../shared/scan-matcher';
import type { Send } from '../shared/message-core';
import { yieldToPage } from './yield-to-page';

export interface ClaimRequest {
  text: string;
  carried: EntityId[];
  pageDate: string | null;
}

/** Checks the paragraphs' claims elsewhere; resolves with each paragraph's claims in order, or rejects. */
export type CheckClaims = (paragraphs: readonly ClaimRequest[]) => Promise<ClaimHit[][]>;

const ENTITIES: ReadonlySet<string> = new Set(ENTITY_IDS);
const VERDICT_SET: ReadonlySet<string> = new Set(VERDICTS);
const STANCE_SET: ReadonlySet<string> = new Set(STANCES);
const HIT_KEYS = new Set(['claimId', 'entity', 'verdict', 'stance', 'trueUntil', 'start', 'end', 'sentence', 'needsPageMention']);

const isOffset = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= max;

/** Whether a reply is one list of well-formed claims per paragraph, every offset inside its paragraph. */
export function validClaimHits(reply: unknown, paragraphs: readonly ClaimRequest[]): reply is ClaimHit[][] {
  if (!Array.isArray(reply) || reply.length !== paragraphs.length) return false;
  return reply.every((hits, i) => {
    const length = paragraphs[i]!.text.length;
    return Array.isArray(hits) && hits.every((hit) => validHit(hit, length));
  });
}

function validHit(hit: unknown, length: number): boolean {
  if (typeof hit !== 'object' || hit === null || Array.isArray(hit)) return false;
  const h = hit as Record<string, unknown>;
  if (!Object.keys(h).every((k) => HIT_KEYS.has(k))) return false;
  const sentence = h.sentence;
  return (
    typeof h.claimId === 'string' &&
    h.claimId.length > 0 &&
    h.claimId.length <= 100 &&
    typeof h.entity === 'string' &&
    ENTITIES.has(h.entity) &&
    typeof h.verdict === 'string' &&
    VERDICT_SET.has(h.verdict) &&
    typeof h.stance === 'string' &&
    STANCE_SET.has(h.stance) &&
    (h.trueUntil === undefined || (typeof h.trueUntil === 'string' && ISO_DAY.test(h.trueUntil))) &&
    isOffset(h.start, length) &&
    isOffset(h.end, length) &&
    h.start < h.end &&
    Array.isArray(sentence) &&
    sentence.length === 2 &&
    isOffset(sentence[0], length) &&
    isOffset(sentence[1], length) &&
    sentence[0] <= h.start &&
    h.end <= sentence[1] &&
    typeof h.needsPageMention === 'boolean'
  );
}

/** The background's claim checker, over the content script's sender. */
export function remoteClaims(send: Send): CheckClaims {
  return async (paragraphs) => {
    const reply = await send('claims.check', { paragraphs: paragraphs.map((p) => ({ ...p })) });
    if (!reply.ok) throw new Error(`claims.check: ${reply.error}`);
    if (!validClaimHits(reply.value, paragraphs)) throw new Error('claims.check: malformed reply');
    return reply.value;
  };
}

/**
 * Collects the paragraphs a scan slice defers and sends them together once the slice is over, in messages of at
 * most CLAIMS_CHECK_BATCH_MAX. Not in a microtask: that would flush between the walk's own awaits, one message
 * per paragraph. Through the walk's own pause (yieldToPage): once the page has loaded that is `scheduler.yield`,
 * whose continuations run ahead of plain tasks, so a flush posted as a plain task (as it was) waited for the whole
 * walk and then for the page's queued tasks; queued as the walk's pauses are, it runs as soon as the slice that
 * deferred the paragraph ends, and the background checks its claims while the walk goes on. On the seed articles
 * the first message left 5–8 ms after the walk had ended, and its 19–24 ms round trip came after the walk (issue 16).
 *
 * One message (or one slice's messages) at a time: what later slices defer while a message is out leaves together
 * when its reply is in. A long page's walk then sends a message per round trip, not one per slice, and the
 * background works through them one after another instead of holding a queue of them against the walk's cores.
 * When the walk is over (`flushNow`), what waits leaves at once: a reply cannot arrive during the walk (its task
 * waits behind the walk's `scheduler.yield` continuations), so on the seed articles the first message, of a
 * paragraph or two, was answered only after the walk, and the rest left after that answer, a round trip later.
 */
export class ClaimBatcher {
  private pending: Array<{ request: ClaimRequest; resolve: (hits: ClaimHit[]) => void; reject: (error: unknown) => void }> = [];
  private scheduled = false;
  /** Messages sent and not answered yet. */
  private inFlight = 0;

  constructor(
    private readonly check: CheckClaims,
    private readonly schedule: (flush: () => void) => void = (flush) => void yieldToPage().then(flush),
  ) {}

  add(request: ClaimRequest): Promise<ClaimHit[]> {
    return new Promise((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      if (this.scheduled || this.inFlight > 0) return;
      this.scheduled = true;
      this.schedule(() => {
        this.scheduled = false;
        this.flush();
      });
    });
  }

  /** The walk is over: what waits leaves now, whether or not a message is out. */
  flushNow(): void {
    this.flush(true);
  }

  private flush(now = false): void {
    if ((this.inFlight > 0 && !now) || this.pending.length === 0) return;
    const taken = this.pending;
    this.pending = [];
    for (let i = 0; i < taken.length; i += CLAIMS_CHECK_BATCH_MAX) {
      const batch = taken.slice(i, i + CLAIMS_CHECK_BATCH_MAX);
      this.inFlight++;
      this.check(batch.map((b) => b.request))
        .then(
          (results) => batch.forEach((b, j) => b.resolve(results[j]!)),
          (error: unknown) => batch.forEach((b) => b.reject(error)),
        )
        .finally(() => {
          if (--this.inFlight === 0) this.flush();
        });
    }
  }
}
