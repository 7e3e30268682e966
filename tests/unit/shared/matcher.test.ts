/**
 * The matcher on focused cases (alias choice, boundaries, case, vetoes, carried
 * context, typography) and on the captured seed pages: every mention a reader
 * would expect there, none of the pages' look-alikes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawDataset } from '../../../src/data/index';
import { Dataset, type EntityId } from '../../../src/data/schema';
import { matcherFromConfig } from '../../../src/shared/derive-matcher-tables';
import { mentionedEntities } from '../../../src/shared/matcher';
import { phraseSource } from '../../../src/shared/matcher-sources';

const data = Dataset.parse(rawDataset);
const matcher = matcherFromConfig({ datasetVersion: data.meta.version, entities: data.entities, claims: data.claims });

/** [subject, matched text] for each mention in one paragraph. */
function mentions(text: string, carried: EntityId[] = []): Array<[EntityId, string]> {
  return (matcher.scanParagraph(text, new Set(carried))?.mentions ?? []).map((m) => [m.entityId, m.text]);
}

function claimIds(text: string): string[] {
  return (matcher.scanParagraph(text)?.claims ?? []).map((c) => c.claimId);
}

describe('alias choice', () => {
  it('takes the longest alias at a position', () => {
    expect(mentions('Claude Mythos Preview found the bug.')).toEqual([['claude-mythos', 'Claude Mythos Preview']]);
    expect(mentions('Trump’s AI executive order was signed on June 2.')).toEqual([['eo-14409', 'Trump’s AI executive order']]);
    expect(mentions('美国总统特朗普签署了第14409号行政令。')).toEqual([['eo-14409', '第14409号行政令']]);
    expect(mentions('Anthropic launched Project Glasswing with partners.')).toEqual([['project-glasswing', 'Project Glasswing']]);
  });

  it('matches Latin aliases on word boundaries only', () => {
    expect(matcher.scanParagraph('Glasswings and the Mythoses of EO 144090 or XEO 14409 at Anthropic.')).toBeNull();
    expect(mentions('Anthropic’s Mythos-class models')).toEqual([['claude-mythos', 'Anthropic’s Mythos']]);
  });

  it('needs no boundaries in Chinese text, including around Latin aliases', () => {
    expect(mentions('Anthropic的Mythos模型发现了漏洞')).toEqual([['claude-mythos', 'Anthropic的Mythos']]);
    expect(mentions('这款Mythos模型很强')).toEqual([['claude-mythos', 'Mythos模型']]);
    expect(mentions('由Mythos发现的漏洞')).toEqual([['claude-mythos', 'Mythos']]);
    expect(mentions('玻璃翼计划启动')).toEqual([['project-glasswing', '玻璃翼计划']]);
  });

  it('keeps case-sensitive aliases to their capitalised form', () => {
    expect(
      matcher.scanParagraph('The founding mythos of Silicon Valley still shapes how Anthropic and OpenAI pitch their models.'),
    ).toBeNull();
    expect(matcher.scanParagraph('A glasswing flutters past the vulnerabilities lab.')).toBeNull();
    expect(mentions('Mythos found a 27-year-old OpenBSD vulnerability.')).toEqual([['claude-mythos', 'Mythos']]);
  });
});

describe('context', () => {
  it('needs a topic cue for a contextual alias', () => {
    expect(matcher.scanParagraph('Mythos returns to the stage this autumn.')).toBeNull();
    expect(mentions('Glasswing partners have patched thousands of vulnerabilities.')).toEqual([['project-glasswing', 'Glasswing']]);
    expect(matcher.scanParagraph('The executive order on tariffs takes effect on Friday.')).toBeNull();
  });

  it('vetoes a topic alias when its sentence names a look-alike', () => {
    expect(matcher.scanParagraph('Glasswing Ventures backs start-ups that find vulnerabilities.')).toBeNull();
    expect(matcher.scanParagraph('Lovecraft fans argue over the Mythos, and hackers exploit old bugs.')).toBeNull();
    expect(matcher.scanParagraph('Biden’s AI executive order was revoked in 2025.')).toBeNull();
    expect(matcher.scanParagraph('特朗普签署新移民行政令，限制部分国家公民入境。')).toBeNull();
  });

  it('vetoes a topic alias for a look-alike elsewhere in the paragraph unless a detail or the full name settles it', () => {
    // The look-alike is the paragraph's subject: a bare "Glasswing" two sentences on is still the fund.
    expect(
      matcher.scanParagraph(
        'Glasswing Ventures closed a new fund. Glasswing has backed companies that find vulnerabilities in cloud software.',
      ),
    ).toBeNull();
    expect(matcher.scanParagraph('这并非首次就人工智能签署行政令。此前他撤销了拜登政府的第14110号行政令。')).toBeNull();
    // The full name in the paragraph, or a detail only the subject has in the same sentence, settles it.
    expect(mentions('Project Glasswing is named after the glasswing butterfly. Glasswing partners found 10,000 bugs.')).toEqual([
      ['project-glasswing', 'Project Glasswing'],
      ['project-glasswing', 'Glasswing'],
    ]);
    expect(mentions('Biden’s order was revoked in 2025. The AI executive order Trump signed on June 2 is voluntary.')).toEqual([
      ['eo-14409', 'AI executive order'],
    ]);
  });

  it('vetoes a specific alias ("the order") for a look-alike anywhere in the paragraph', () => {
    expect(mentions('The order gives companies 30 days.')).toEqual([['eo-14409', 'The order']]);
    expect(matcher.scanParagraph('The order gives state agencies 30 days, Newsom said.')).toBeNull();
    expect(matcher.scanParagraph('A federal judge extended the restraining order; the order stays until a hearing on June 2.')).toBeNull();
    expect(
      matcher.scanParagraph('Mythos Preview lists bugs in the order it would fix them, within a 90-day disclosure window.')?.mentions,
    ).toEqual([expect.objectContaining({ entityId: 'claude-mythos', text: 'Mythos Preview' })]);
  });

  it('keeps a named alias whose own clause is about this subject when the look-alike is in another clause', () => {
    expect(mentions('Trump signed the AI executive order on May 21, the same day Gavin Newsom issued his own AI order.')).toEqual([
      ['eo-14409', 'AI executive order'],
    ]);
    // The look-alike in the alias's own clause, or a clause with nothing of this subject, still vetoes.
    expect(matcher.scanParagraph('Gov. Newsom, a likely candidate, signed an AI executive order on Tuesday.')).toBeNull();
    expect(matcher.scanParagraph("Newsom's AI executive order, issued May 21, covers state agencies.")).toBeNull();
    // Any governor's order, named or not: not EO 14409, and its June 3 signing is no misclaim.
    expect(
      matcher.scanParagraph(
        'The governor signed Executive Order 2026-11 on June 3, directing every state agency to inventory its AI tools.',
      ),
    ).toBeNull();
  });

  it('lets the previous paragraph vouch for a vague reference, but not against a look-alike', () => {
    const text = 'He said the order would have slowed American labs down.';
    expect(matcher.scanParagraph(text)).toBeNull();
    expect(mentions(text, ['eo-14409'])).toEqual([['eo-14409', 'the order']]);
    expect(mentions('Mythos found it first.', ['claude-mythos'])).toEqual([['claude-mythos', 'Mythos']]);
    expect(matcher.scanParagraph('Newsom signed one too. The executive order covers AI job losses.', new Set(['eo-14409']))).toBeNull();
    // What a paragraph mentions is what it carries on.
    const first = matcher.scanParagraph('Trump signed EO 14409 on June 2.');
    expect(mentionedEntities(first)).toEqual(new Set(['eo-14409']));
    expect(mentionedEntities(null).size).toBe(0);
  });
});

describe('typography', () => {
  it('finds a name in text whose lower case is longer (U+0130), offsets intact', () => {
    const text = 'İSTANBUL — Anthropic widened PROJECT GLASSWING this week.';
    expect(text.toLowerCase().length).not.toBe(text.length);
    const mention = matcher.scanParagraph(text)?.mentions[0];
    expect(mention?.entityId).toBe('project-glasswing');
    expect(text.slice(mention!.start, mention!.end)).toBe('PROJECT GLASSWING');
    expect(mention?.text).toBe('PROJECT GLASSWING');
  });

  it('accepts curly apostrophes, non-breaking spaces and any dash', () => {
    expect(mentions('Anthropic’s Mythos')).toEqual([['claude-mythos', 'Anthropic’s Mythos']]);
    expect(mentions('Trump’s AI order')).toEqual([['eo-14409', 'Trump’s AI order']]);
    expect(mentions('EO\u00a014409 took effect.')).toEqual([['eo-14409', 'EO\u00a014409']]);
    expect(mentions('Project\u00a0Glasswing grew.')).toEqual([['project-glasswing', 'Project\u00a0Glasswing']]);
    expect(mentions('EO–14409 took effect.')).toEqual([['eo-14409', 'EO–14409']]);
    expect(new RegExp(phraseSource("Anthropic's  Mythos")).test('Anthropic’s\u00a0Mythos')).toBe(true);
  });
});

describe('claims in a paragraph', () => {
  it('flags misclaims and leaves the accurate look-alikes alone', () => {
    expect(claimIds('Trump signed the AI executive order on June 3.')).toEqual(['claim-signed-june-3']);
    expect(claimIds('Trump signed the AI executive order on June 2.')).toEqual([]);
    expect(claimIds('The AI executive order sets up a voluntary 30-day review.')).toEqual([]);
    expect(claimIds('The draft AI executive order would have imposed a mandatory 90-day review.')).toEqual([
      'claim-mandatory-90-day-draft',
    ]);
    expect(claimIds('Project Glasswing has twelve launch partners including Anthropic.')).toEqual([]);
    expect(claimIds('Bessent and then-Fed Chair Powell met bank CEOs about Anthropic’s Mythos.')).toEqual([]);
  });

  it('marks page-scoped claims that need the subject elsewhere on the page', () => {
    const alone = matcher.scanParagraph('Former President Trump spoke to reporters.');
    expect(alone?.mentions).toEqual([]);
    expect(alone?.claims).toEqual([expect.objectContaining({ claimId: 'claim-former-president-trump', needsPageMention: true })]);
    const together = matcher.scanParagraph('Former President Trump signed EO 14409.');
    expect(together?.claims).toEqual([expect.objectContaining({ claimId: 'claim-former-president-trump', needsPageMention: false })]);
    expect(matcher.scanParagraph('In 2023, former President Trump criticised the plan.')).toBeNull();
  });
});

/** Seed pages: one paragraph per non-empty line, carried context as in the content script. Keyed by 1-based line. */
function scanSeed(id: string): Map<number, Array<[EntityId, string]>> {
  const lines = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'seeds', `${id}.txt`), 'utf8').split('\n');
  const found = new Map<number, Array<[EntityId, string]>>();
  let carried: ReadonlySet<EntityId> = new Set();
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const result = matcher.scanParagraph(line, carried);
    carried = mentionedEntities(result);
    if (result?.mentions.length)
      found.set(
        i + 1,
        result.mentions.map((m) => [m.entityId, m.text]),
      );
  });
  return found;
}

interface SeedExpectation {
  /** Lines that mention each subject. */
  mentions: Partial<Record<EntityId, number[]>>;
  /** Lines holding only look-alikes: nothing may be found there. */
  lookalikes: number[];
}

const SEEDS: Record<string, SeedExpectation> = {
  // The signing called off; a crypto exchange's "ORDER" token widget at the bottom.
  '000_b8665fd297a0726c': {
    mentions: { 'eo-14409': [1, 7, 9, 15, 21, 23, 27, 47, 53, 55, 57, 59, 67], 'claude-mythos': [7, 39, 41, 71] },
    lookalikes: [95, 97, 98, 102, 104, 106, 108, 110, 112],
  },
  // Bilingual CLS copy: Newsom's state order on the same day, in English and Chinese.
  '001_c31a48c8afd8fee6': {
    mentions: { 'eo-14409': [3, 5, 6, 7, 21, 27, 28, 30, 58], 'claude-mythos': [10, 20, 21, 36, 56, 58] },
    lookalikes: [11, 38],
  },
  '002_4e5dcc3493a3ba45': {
    mentions: { 'eo-14409': [1, 9, 12, 16, 18, 22, 30], 'claude-mythos': [24] },
    lookalikes: [],
  },
  '003_bfbc0ed6e899de8b': {
    mentions: { 'eo-14409': [1, 3], 'claude-mythos': [4] },
    lookalikes: [],
  },
  // The signed order; a sidebar with Wyoming's AI data-centre order and an immigration order.
  '004_579796ff76f06133': {
    mentions: { 'eo-14409': [1, 5, 9, 13, 15, 19, 27, 33, 53, 54], 'claude-mythos': [27, 29, 37], 'project-glasswing': [37] },
    lookalikes: [58, 59, 63, 64],
  },
};

describe('seed pages', () => {
  it.each(Object.entries(SEEDS))('%s: every expected mention, no look-alike', (id, expected) => {
    const found = scanSeed(id);
    for (const [entity, lines] of Object.entries(expected.mentions)) {
      const missing = lines.filter((line) => !found.get(line)?.some(([e]) => e === entity));
      expect(missing, `${entity} not found on lines`).toEqual([]);
    }
    for (const line of expected.lookalikes) expect(found.get(line), `line ${line}`).toBeUndefined();
    // Nothing beyond what is expected: each line with a find is one a reader would mark.
    const expectedLines = new Set(Object.values(expected.mentions).flat());
    expect([...found.keys()].filter((line) => !expectedLines.has(line))).toEqual([]);
  });

  it('names the subjects as the pages write them', () => {
    expect(scanSeed('004_579796ff76f06133').get(37)).toEqual([
      ['claude-mythos', 'Claude Mythos'],
      ['project-glasswing', 'Project Glasswing'],
    ]);
    expect(scanSeed('001_c31a48c8afd8fee6').get(10)).toEqual([['claude-mythos', 'Anthropic’s Mythos']]);
    expect(scanSeed('001_c31a48c8afd8fee6').get(56)).toEqual([['claude-mythos', 'Mythos模型']]);
  });
});

describe('paragraph steps (the content script pauses between them)', () => {
  const paragraph =
    'Trump signed the AI executive order on June 3, imposing a mandatory 90-day review. Claude Mythos is now available to the public.';

  it('gives what scanParagraph gives, in more than one step when claims are checked', () => {
    const fresh = matcherFromConfig({ datasetVersion: data.meta.version, entities: data.entities, claims: data.claims });
    const steps = fresh.paragraphSteps(paragraph)!;
    let count = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) count++;
    expect(count).toBeGreaterThan(5);
    expect(next.value).toEqual(matcher.scanParagraph(paragraph));
    expect(next.value!.claims.length).toBeGreaterThanOrEqual(3);
  });

  it('decides a paragraph without a subject at once, with no steps', () => {
    expect(matcher.paragraphSteps('The weather was fine on June 3; the review took 90 days.')).toBeNull();
  });
});
