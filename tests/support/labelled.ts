/**
 * The labelled test pages (tests/fixtures/labelled, format in its README):
 * parsed into plain paragraphs plus expected spans, run through the matcher
 * the way the content script runs it, scored, and rendered as HTML for
 * end-to-end tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mentionedEntities, type Matcher } from '../../src/shared/matcher';
import type { EntityId } from '../../src/data/schema';

export const LABELLED_DIR = join(import.meta.dirname, '..', 'fixtures', 'labelled');

/** Page names: file names without ".txt" (e.g. "en-eo-signed"). */
export const LABELLED_NAMES = readdirSync(LABELLED_DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort();

export interface LabelledSpan {
  /** Entity id for mentions, claim id for claims. */
  id: string;
  /** Offsets into the paragraph's plain text. */
  start: number;
  end: number;
  text: string;
}

export interface LabelledParagraph {
  /** The text a reader sees: markers removed. */
  text: string;
  mentions: LabelledSpan[];
  claims: LabelledSpan[];
}

export interface LabelledPage {
  name: string;
  /** The `# lang:` directive (BCP 47), "en" when absent. */
  lang: string;
  directives: Record<string, string>;
  /** paragraphs[0] is the headline. */
  paragraphs: LabelledParagraph[];
}

const DIRECTIVE = /^#\s*([\w-]+)\s*:\s*(.*)$/;

/** Strips `[[entity|…]]` and `{{claim|…}}` markers from one line, recording their spans. Markers may nest. */
export function parseLabelledLine(line: string): LabelledParagraph {
  const out: string[] = [];
  let length = 0;
  const open: Array<{ kind: 'mention' | 'claim'; id: string; start: number }> = [];
  const paragraph: LabelledParagraph = { text: '', mentions: [], claims: [] };
  let i = 0;
  while (i < line.length) {
    const two = line.slice(i, i + 2);
    if (two === '[[' || two === '{{') {
      const bar = line.indexOf('|', i + 2);
      if (bar < 0) throw new Error(`marker without "|" at ${i}: ${line}`);
      open.push({ kind: two === '[[' ? 'mention' : 'claim', id: line.slice(i + 2, bar).trim(), start: length });
      i = bar + 1;
    } else if (two === ']]' || two === '}}') {
      const kind = two === ']]' ? 'mention' : 'claim';
      const top = open.pop();
      if (!top || top.kind !== kind) throw new Error(`unbalanced "${two}" at ${i}: ${line}`);
      const span = { id: top.id, start: top.start, end: length, text: out.join('').slice(top.start) };
      (kind === 'mention' ? paragraph.mentions : paragraph.claims).push(span);
      i += 2;
    } else {
      out.push(line[i]!);
      length++;
      i++;
    }
  }
  if (open.length > 0) throw new Error(`unclosed marker "${open[0]!.id}": ${line}`);
  paragraph.text = out.join('');
  const byStart = (a: LabelledSpan, b: LabelledSpan) => a.start - b.start;
  paragraph.mentions.sort(byStart);
  paragraph.claims.sort(byStart);
  return paragraph;
}

/** Parses a labelled page: directives on top, then the headline, then one paragraph per non-empty line. */
export function parseLabelledPage(source: string, name = 'page'): LabelledPage {
  const lines = source.split(/\r?\n/);
  const directives: Record<string, string> = {};
  let first = 0;
  for (; first < lines.length; first++) {
    const m = DIRECTIVE.exec(lines[first]!.trim());
    if (!m) break;
    directives[m[1]!.toLowerCase()] = m[2]!.trim();
  }
  const paragraphs = lines
    .slice(first)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map(parseLabelledLine);
  return { name, lang: directives.lang ?? 'en', directives, paragraphs };
}

export function loadLabelledPage(name: string): LabelledPage {
  return parseLabelledPage(readFileSync(join(LABELLED_DIR, `${name}.txt`), 'utf8'), name);
}

export function loadLabelledPages(): LabelledPage[] {
  return LABELLED_NAMES.map(loadLabelledPage);
}

export interface PredictedSpan extends LabelledSpan {
  paragraph: number;
}

export interface PagePrediction {
  mentions: PredictedSpan[];
  /** Claims that count: page-scoped ones only when their subject is mentioned somewhere on the page. */
  claims: PredictedSpan[];
}

/**
 * Runs the matcher over the page as the content script does (src/content/page-index.ts):
 * paragraphs in order, each carrying the previous paragraph's subjects, and
 * page-scoped claims kept only if their subject is mentioned on the page.
 */
export function predictPage(matcher: Matcher, page: LabelledPage): PagePrediction {
  const mentions: PredictedSpan[] = [];
  const claims: Array<PredictedSpan & { entity: EntityId; needsPageMention: boolean }> = [];
  let carried: ReadonlySet<EntityId> = new Set();
  page.paragraphs.forEach((p, paragraph) => {
    const result = matcher.scanParagraph(p.text, carried);
    carried = mentionedEntities(result);
    for (const m of result?.mentions ?? []) {
      mentions.push({ paragraph, id: m.entityId, start: m.start, end: m.end, text: m.text });
    }
    // A sentence that refutes a claim does not flag it.
    for (const c of (result?.claims ?? []).filter((c) => c.stance !== 'refutes')) {
      claims.push({
        paragraph,
        id: c.claimId,
        start: c.start,
        end: c.end,
        text: p.text.slice(c.start, c.end),
        entity: c.entity,
        needsPageMention: c.needsPageMention,
      });
    }
  });
  const onPage = new Set(mentions.map((m) => m.id));
  const counted = claims
    .filter((c) => !c.needsPageMention || onPage.has(c.entity))
    .map(({ paragraph, id, start, end, text }) => ({ paragraph, id, start, end, text }));
  return { mentions, claims: counted };
}

export interface Tally {
  /** Predictions overlapping an expected span with the same id. */
  tp: number;
  /** Predictions overlapping none. */
  fp: number;
  /** Expected spans no prediction overlaps. */
  fn: number;
  expected: number;
}

export interface ScoreError {
  page: string;
  kind: 'mention' | 'claim';
  type: 'FP' | 'FN';
  id: string;
  paragraph: number;
  text: string;
  /** The paragraph, for reading the error in context. */
  context: string;
}

export interface PageScore {
  page: string;
  mentions: Map<string, Tally>;
  claims: Map<string, Tally>;
  errors: ScoreError[];
}

const emptyTally = (): Tally => ({ tp: 0, fp: 0, fn: 0, expected: 0 });
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Scores a prediction against the page's labels, by id. */
export function scorePage(page: LabelledPage, prediction: PagePrediction): PageScore {
  const score: PageScore = { page: page.name, mentions: new Map(), claims: new Map(), errors: [] };
  for (const kind of ['mention', 'claim'] as const) {
    const tallies = kind === 'mention' ? score.mentions : score.claims;
    const tally = (id: string) => tallies.get(id) ?? tallies.set(id, emptyTally()).get(id)!;
    const predicted = kind === 'mention' ? prediction.mentions : prediction.claims;
    page.paragraphs.forEach((p, index) => {
      const expected = kind === 'mention' ? p.mentions : p.claims;
      const here = predicted.filter((s) => s.paragraph === index);
      const error = (type: 'FP' | 'FN', s: LabelledSpan) =>
        score.errors.push({ page: page.name, kind, type, id: s.id, paragraph: index, text: s.text, context: p.text });
      for (const s of here) {
        if (expected.some((e) => e.id === s.id && overlaps(e, s))) tally(s.id).tp++;
        else {
          tally(s.id).fp++;
          error('FP', s);
        }
      }
      for (const e of expected) {
        tally(e.id).expected++;
        if (!here.some((s) => s.id === e.id && overlaps(e, s))) {
          tally(e.id).fn++;
          error('FN', e);
        }
      }
    });
  }
  return score;
}

/** Adds tallies per id across pages. */
export function sumTallies(maps: ReadonlyArray<ReadonlyMap<string, Tally>>): Map<string, Tally> {
  const total = new Map<string, Tally>();
  for (const map of maps) {
    for (const [id, t] of map) {
      const sum = total.get(id) ?? emptyTally();
      total.set(id, { tp: sum.tp + t.tp, fp: sum.fp + t.fp, fn: sum.fn + t.fn, expected: sum.expected + t.expected });
    }
  }
  return total;
}

/** One tally for all ids together. */
export function combined(map: ReadonlyMap<string, Tally>): Tally {
  const total = emptyTally();
  for (const t of map.values()) {
    total.tp += t.tp;
    total.fp += t.fp;
    total.fn += t.fn;
    total.expected += t.expected;
  }
  return total;
}

/** TP / (TP + FP); 1 when nothing was predicted. */
export const precision = (t: Tally) => (t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp));
/** Share of expected spans found; 1 when nothing was expected. */
export const recall = (t: Tally) => (t.expected === 0 ? 1 : (t.expected - t.fn) / t.expected);

/** A fixed-width precision/recall table. */
export function formatTable(rows: ReadonlyArray<readonly [string, Tally]>): string {
  const width = Math.max(8, ...rows.map(([name]) => name.length));
  const head = `${'subject'.padEnd(width)}  expected    TP    FP    FN  precision  recall`;
  const lines = rows.map(
    ([name, t]) =>
      `${name.padEnd(width)}  ${String(t.expected).padStart(8)}  ${String(t.tp).padStart(4)}  ${String(t.fp).padStart(4)}  ` +
      `${String(t.fn).padStart(4)}  ${precision(t).toFixed(3).padStart(9)}  ${recall(t).toFixed(3).padStart(6)}`,
  );
  return [head, '-'.repeat(head.length), ...lines].join('\n');
}

/** Errors as readable lines: page, paragraph number (headline = 0), kind, id and the span in its paragraph. */
export function formatErrors(errors: readonly ScoreError[]): string {
  return errors
    .map((e) => `${e.page} ¶${e.paragraph} ${e.type} ${e.kind} ${e.id}: «${e.text}» in “${excerpt(e.context, e.text)}”`)
    .join('\n');
}

function excerpt(paragraph: string, text: string): string {
  const at = Math.max(0, paragraph.indexOf(text));
  const from = Math.max(0, at - 60);
  const to = Math.min(paragraph.length, at + text.length + 60);
  return `${from > 0 ? '…' : ''}${paragraph.slice(from, to)}${to < paragraph.length ? '…' : ''}`;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The page as a reader's browser gets it: markers stripped, headline as <h1>, each paragraph a <p>, lang from the directive. */
export function labelledHtml(page: LabelledPage): string {
  const [headline, ...rest] = page.paragraphs;
  const title = escapeHtml(headline?.text ?? '');
  const paragraphs = rest.map((p) => `    <p>${escapeHtml(p.text)}</p>`);
  return `<!doctype html>
<html lang="${escapeHtml(page.lang)}">
  <head><meta charset="utf-8"><title>${title}</title></head>
  <body>
    <article>
    <h1>${title}</h1>
${paragraphs.join('\n')}
    </article>
  </body>
</html>
`;
}
