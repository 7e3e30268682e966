/**
 * The one message contract between the extension's contexts.
 *
 * Every message is `{ type, ...payload }` with a namespaced type. Each type has
 * a zod schema (checked by the receiver before dispatch), a response type and
 * a receiving context. Replies are Results (`{ ok: true, value } | { ok: false,
 * error }`) so nothing throws across a boundary, with one documented exception:
 * `page.report` answers with the bare report, because other tools read it.
 *
 * This module is pure: callers pass the transport (`browser.runtime.sendMessage`)
 * and attach the returned listener, so the contract can be tested in Node.
 */
import '../data/zod-setup';
// zod/mini: the same validation as zod's full API at a fraction of its size, which every page's
// content script would otherwise load (and compile) at start-up.
import * as z from 'zod/mini';
import { ENTITY_IDS, VERDICTS } from '../data/vocabulary';
import { CLAIMS_CHECK_BATCH_MAX, CLAIMS_CHECK_TEXT_MAX, ISO_DAY } from './claims-check-limits';
import { STANCES } from './claims/types';
import type { ClaimHit } from './matcher';
import type { Settings } from './settings';
import { settingsPatchSchema } from './settings-schema';
import { dispatchMessages, senderOver, type HandleOptions, type Handlers, type Transport } from './message-core';
import type { CardData, ClaimView, DatasetInfo, LookupResult, SearchResult, SourceView } from './views';

const message = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...shape });

const claimId = () => z.string().check(z.minLength(1), z.maxLength(100));
const count = (max: number) => z.int().check(z.minimum(0), z.maximum(max));
const entityId = () => z.enum(ENTITY_IDS);
const isoDay = () => z.string().check(z.regex(ISO_DAY));

/**
 * Request schema factories, one per message type. Schemas are built on first use
 * (requestSchema): building all of them costs every page ~10 ms at start-up, and
 * a content script validates its first message long after the page is ready.
 */
const REQUESTS = {
  /** A subject's card: description, top facts and the given flagged claims, with sources. */
  'card.get': () => message('card.get', { entityId: entityId(), claimIds: z.array(claimId()).check(z.maxLength(50)) }),
  /** Full-text search over facts and claims in English and Chinese. */
  'facts.search': () =>
    message('facts.search', { query: z.string().check(z.maxLength(200)), limit: z.optional(z.int().check(z.minimum(1), z.maximum(100))) }),
  /** Claims by id with corrections and sources (unknown ids skipped). */
  'claims.get': () => message('claims.get', { ids: z.array(claimId()).check(z.maxLength(100)) }),
  /** Every source, for the "how we verify" page. */
  'sources.list': () => message('sources.list', {}),
  /** Dataset version, date and record counts. */
  'dataset.info': () => message('dataset.info', {}),
  /** All claims as a schema.org ClaimReview JSON-LD document. */
  'export.claimreview': () => message('export.claimreview', { lang: z.optional(z.enum(['en', 'zh'])) }),
  /** Current settings (defaults filled in). */
  'settings.get': () => message('settings.get', {}),
  /** Merge a patch into the settings; replies with the result. Extension pages only. */
  'settings.update': () => message('settings.update', { patch: settingsPatchSchema() }),
  /** Card's "More in Frontier Facts": open the toolbar popup (or, where not allowed, the popup page in a tab). */
  'ui.openPopup': () => message('ui.openPopup', {}),
  /** Content script → background: counts for the toolbar badge of the sender's tab. */
  'page.status': () =>
    message('page.status', {
      mentions: count(1_000_000),
      flagged: count(1_000_000),
    }),
  /** Public contract: what the page mentions and which misclaims it states. Answered bare. */
  'page.report': () => message('page.report', {}),
  /** Scroll to the n-th mention or flagged claim of the page report and open its card. */
  'page.reveal': () =>
    message('page.reveal', {
      kind: z.enum(['mention', 'claim']),
      index: count(1_000_000),
    }),
  /** Keyboard command: move to the next mention and open its card. */
  'page.next': () => message('page.next', {}),
  /** Hide, show or toggle the page's marks (popup switch, keyboard command); no action only asks. Every frame answers to a change. */
  'page.marks': () => message('page.marks', { action: z.optional(z.enum(['show', 'hide', 'toggle'])) }),
  /** "Look up in Frontier Facts" on a selection: check the text and show the result in the popup. Extension pages only (the menu calls the same code). */
  'lookup.show': () => message('lookup.show', { text: z.string().check(z.minLength(1), z.maxLength(LOOKUP_MAX)) }),
  /** The popup asks for the last lookup (null when there is none from the last minute). */
  'lookup.get': () => message('lookup.get', {}),
  /**
   * Content script → background: check the claims of paragraphs that mention a subject, where the checker is
   * already compiled and warm, off the page's main thread (issue 16). The text stays inside the browser.
   */
  'claims.check': () =>
    message('claims.check', {
      paragraphs: z
        .array(
          z.strictObject({
            text: z.string().check(z.minLength(1), z.maxLength(CLAIMS_CHECK_TEXT_MAX)),
            carried: z.array(entityId()).check(z.maxLength(ENTITY_IDS.length)),
            pageDate: z.optional(z.nullable(isoDay())),
          }),
        )
        .check(z.minLength(1), z.maxLength(CLAIMS_CHECK_BATCH_MAX)),
    }),
} as const;

/** Longest selection looked up; browsers cut context-menu selections shorter anyway. */
export const LOOKUP_MAX = 5000;

export type MessageType = keyof typeof REQUESTS;
export type Request<T extends MessageType> = z.infer<ReturnType<(typeof REQUESTS)[T]>>;
export type Payload<T extends MessageType> = Omit<Request<T>, 'type'>;

/** Every message type of the contract. */
export const MESSAGE_TYPES = Object.keys(REQUESTS) as MessageType[];

const built = new Map<MessageType, z.ZodMiniType>();
/** The zod schema a receiver checks a message of this type against. */
export function requestSchema<T extends MessageType>(type: T): ReturnType<(typeof REQUESTS)[T]> {
  let schema = built.get(type);
  if (!schema) built.set(type, (schema = REQUESTS[type]()));
  return schema as ReturnType<(typeof REQUESTS)[T]>;
}

const makePageReport = () =>
  z.object({
    url: z.string(),
    ready: z.boolean(),
    mentions: z.array(z.object({ entityId: entityId(), text: z.string(), sentence: z.string() })),
    claims: z.array(
      z.object({
        claimId: z.string(),
        verdict: z.enum(VERDICTS),
        sentence: z.string(),
        /** Added: whether the sentence states the claim, repeats it without endorsing it, or refutes it. */
        stance: z.enum(STANCES),
        /** Added: the sentence was true when written; the claim stopped being true on this day (ISO date). */
        trueUntil: z.optional(z.string()),
      }),
    ),
  });
export type PageReport = z.infer<ReturnType<typeof makePageReport>>;
let pageReport: ReturnType<typeof makePageReport> | undefined;
/** The public page report's schema (what `page.report` answers). */
export const pageReportSchema = () => (pageReport ??= makePageReport());

const span = () => z.tuple([count(CLAIMS_CHECK_TEXT_MAX), count(CLAIMS_CHECK_TEXT_MAX)]);
const makeClaimHits = () =>
  z.array(
    z.array(
      z.strictObject({
        claimId: claimId(),
        entity: entityId(),
        verdict: z.enum(VERDICTS),
        stance: z.enum(STANCES),
        trueUntil: z.optional(isoDay()),
        start: count(CLAIMS_CHECK_TEXT_MAX),
        end: count(CLAIMS_CHECK_TEXT_MAX),
        sentence: span(),
        needsPageMention: z.boolean(),
      }),
    ),
  );
let claimHits: ReturnType<typeof makeClaimHits> | undefined;
/** What `claims.check` answers (inside its Result); the content script checks replies by hand, held to this by a test. */
export const claimHitsSchema = () => (claimHits ??= makeClaimHits());

/** What each message answers with (inside `{ ok: true, value }`, except page.report). */
export interface Responses {
  'card.get': CardData;
  'facts.search': SearchResult[];
  'claims.get': ClaimView[];
  'sources.list': SourceView[];
  'dataset.info': DatasetInfo;
  'export.claimreview': string;
  'settings.get': Settings;
  'settings.update': Settings;
  'ui.openPopup': boolean;
  'page.status': null;
  'page.report': PageReport;
  'page.reveal': boolean;
  'page.next': boolean;
  /** Whether the page's marks are shown after the action. */
  'page.marks': boolean;
  'lookup.show': boolean;
  'lookup.get': LookupResult | null;
  /** Per paragraph, in order: the claims the matcher finds in it (offsets into its text). */
  'claims.check': ClaimHit[][];
}

/** Which context answers which message. The meta-test checks both lists cover every type. */
export const BACKGROUND_MESSAGES = [
  'card.get',
  'facts.search',
  'claims.get',
  'sources.list',
  'dataset.info',
  'export.claimreview',
  'settings.get',
  'settings.update',
  'ui.openPopup',
  'page.status',
  'lookup.show',
  'lookup.get',
  'claims.check',
] as const satisfies readonly MessageType[];
export const CONTENT_MESSAGES = ['page.report', 'page.reveal', 'page.next', 'page.marks'] as const satisfies readonly MessageType[];

export type { HandleOptions, Handler, Handlers, Result, RetryOptions, Sender, Transport } from './message-core';
export { retryingTransport } from './message-core';

/**
 * Builds a `runtime.onMessage` listener that validates (zod), checks the sender and
 * dispatches to the handlers. Unknown or malformed messages get `{ ok: false }`.
 */
export function handleMessages<K extends MessageType>(handlers: Handlers<K>, options: HandleOptions) {
  return dispatchMessages(handlers, {
    ...options,
    validate: (type, message) => {
      const parsed = requestSchema(type).safeParse(message);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: parsed.error.issues[0]?.message ?? 'bad shape' };
    },
  });
}

/** A typed `send(type, payload)` over a transport; never rejects, always resolves to a Result. The bare page report is checked against its schema. */
export function createSender(transport: Transport) {
  return senderOver(transport, (reply) => {
    const parsed = pageReportSchema().safeParse(reply);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: 'no valid reply' };
  });
}

export type { Send } from './message-core';
