/**
 * The benchmark's pages, generated deterministically from a seeded PRNG:
 * synthetic news pages of a given number of text nodes (English and Chinese
 * paragraphs, mixed inline markup, navigation, lists, tables, a few skipped
 * blocks), about one planted mention per 200 text nodes and as many
 * look-alikes ("Cthulhu Mythos", "glasswing butterfly", "Wyoming executive
 * order"), plus an infinite-scroll page that appends 500 text nodes every
 * 250 ms. Same version + seed + size → byte-identical HTML.
 */
import { mulberry32 } from './prng';

/** Bumped whenever the generator's output changes: results are only comparable within one version. */
export const PAGE_GENERATOR_VERSION = 'synthetic-news-v1';
export const PAGE_SEED = 14409;

export { mulberry32 };

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

// Filler vocabulary: ordinary news copy that contains none of the dataset's aliases,
// cue words or claim triggers (no "order", "draft", "directive", "AI", percentages...).
const EN_SUBJECTS = [
  'The city council',
  'Local farmers',
  'The central bank',
  'Commuters',
  'The regional airline',
  'Researchers at the university',
  'The football club',
  'Retailers',
  'The weather service',
  'Hospital staff',
  'The port authority',
  'Small businesses',
  'The museum',
  'Parents',
  'The transport ministry',
  'Energy traders',
  'The harbour pilots',
  'Volunteers',
];
const EN_VERBS = [
  'announced',
  'postponed',
  'welcomed',
  'criticised',
  'reviewed',
  'expanded',
  'reported',
  'questioned',
  'celebrated',
  'measured',
  'debated',
  'proposed',
  'completed',
  'rebuilt',
  'surveyed',
  'described',
];
const EN_OBJECTS = [
  'a new bus timetable',
  'the spring harvest',
  'interest rates for the quarter',
  'a plan for cycling lanes',
  'the stadium renovation',
  'winter heating costs',
  'a record number of visitors',
  'the river clean-up',
  'delays on the northern line',
  'a shortage of nurses',
  'the annual book fair',
  'rents in the old town',
  'the coastal storm warning',
  'an exhibition of maps',
  'fishing quotas',
  'the school lunch menu',
  'a bridge inspection',
  'ticket prices for the final',
];
const EN_TAILS = [
  'on Tuesday',
  'after a long meeting',
  'despite heavy rain',
  'according to a spokesperson',
  'for the third year running',
  'in a brief statement',
  'ahead of the holiday weekend',
  'with little warning',
  'at the town hall',
  'late in the evening',
];
const ZH_SENTENCES = [
  '市政府周二宣布了新的公交时刻表。',
  '当地农民正在为春季收成做准备。',
  '央行表示本季度利率保持不变。',
  '受暴雨影响，北线列车出现延误。',
  '博物馆举办了一场古地图展览。',
  '志愿者们在河边清理垃圾。',
  '足球俱乐部公布了新赛季的票价。',
  '港口管理局完成了桥梁检查。',
  '气象部门发布了沿海风暴预警。',
  '小企业主对冬季取暖费用表示担忧。',
  '老城区的房租持续上涨。',
  '学校更新了午餐菜单。',
  '年度书展吸引了大量游客。',
  '医院工作人员呼吁增加护士编制。',
  '交通部门提出了新的自行车道规划。',
];

/** Planted mentions: unambiguous aliases in sentences that keep them so. `parts` alternate text and inline tags. */
const MENTIONS: Array<{ lang: 'en' | 'zh'; html: string[] }> = [
  { lang: 'en', html: ['Partners in ', '<b>', 'Project Glasswing', '</b>', ' received early access to patch critical software.'] },
  { lang: 'en', html: ['Anthropic said ', 'Claude Mythos', ' found thousands of previously unknown flaws.'] },
  { lang: 'en', html: ['The text of ', '<a href="#eo">', 'Executive Order 14409', '</a>', ' was published in the Federal Register.'] },
  { lang: 'en', html: ['Officials described ', 'EO 14409', ' as a voluntary review of frontier models.'] },
  { lang: 'en', html: ['Banks tested ', '<em>', "Anthropic's Mythos", '</em>', ' against their own systems.'] },
  { lang: 'en', html: ['The ', 'Glasswing initiative', ' now includes several open-source foundations.'] },
  { lang: 'zh', html: ['多家机构加入了', '<a href="#g">', '玻璃翼计划', '</a>', '，以修复关键软件中的漏洞。'] },
  { lang: 'zh', html: ['白宫公布了', '第14409号行政令', '的全文。'] },
  { lang: 'zh', html: ['分析人士认为，', '<b>', 'Mythos预览版', '</b>', '的能力引发了广泛关注。'] },
];

/** Look-alikes: the same words about something else, which a good matcher leaves alone. */
const LOOKALIKES: Array<{ lang: 'en' | 'zh'; html: string[] }> = [
  { lang: 'en', html: ['Fans of Lovecraft gathered to discuss the ', '<i>', 'Cthulhu Mythos', '</i>', ' and its many imitators.'] },
  { lang: 'en', html: ['A glasswing butterfly rested on the nectar-rich flowers of the rainforest garden.'] },
  { lang: 'en', html: ['The Wyoming executive order on water rights takes effect next month.'] },
  { lang: 'en', html: ['The Mythos lager from a small Greek brewery won a regional award.'] },
  { lang: 'zh', html: ['这只玻璃翼蝴蝶的翅膀几乎完全透明。'] },
  { lang: 'zh', html: ['克苏鲁神话的爱好者们举办了读书会。'] },
];

const INLINE_TAGS = ['a href="#"', 'b', 'em', 'span class="hl"', 'strong', 'i', 'time'];

export interface SyntheticPage {
  html: string;
  /** Text nodes the generator emitted in <body> (the browser's count is reported separately). */
  textNodes: number;
  planted: number;
  lookalikes: number;
}

/** Builds HTML while counting the text nodes the parser will create. */
class Writer {
  out: string[] = [];
  textNodes = 0;
  /** Adjacent text is one node: only text after a tag starts a new one. */
  private afterText = false;
  text(s: string): void {
    this.out.push(escapeHtml(s));
    if (!this.afterText) this.textNodes++;
    this.afterText = true;
  }
  tag(s: string): void {
    this.out.push(s);
    this.afterText = false;
  }
  /** A newline between blocks: a whitespace-only text node, as real markup has. */
  newline(): void {
    this.text('\n');
  }
  parts(parts: string[]): void {
    for (const p of parts)
      if (p.startsWith('<')) this.tag(p);
      else this.text(p);
  }
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function enSentence(rand: () => number): string {
  return `${pick(rand, EN_SUBJECTS)} ${pick(rand, EN_VERBS)} ${pick(rand, EN_OBJECTS)} ${pick(rand, EN_TAILS)}.`;
}

/** One filler paragraph of prose in `pieces` text nodes, some inside inline markup (sometimes nested). */
function fillerParagraph(w: Writer, rand: () => number, lang: 'en' | 'zh', pieces: number): void {
  w.tag('<p>');
  for (let i = 0; i < pieces; i++) {
    const words = lang === 'zh' ? pick(rand, ZH_SENTENCES) : `${enSentence(rand)} `;
    if (i % 2 === 1) {
      const tag = pick(rand, INLINE_TAGS);
      const name = tag.split(' ')[0]!;
      if (rand() < 0.15 && i + 1 < pieces) {
        // Nested inline markup: <a><b>x</b> y</a> is two text nodes.
        w.tag(`<${tag}><b>`);
        w.text(words.slice(0, Math.ceil(words.length / 2)));
        w.tag('</b>');
        w.text(words.slice(Math.ceil(words.length / 2)));
        w.tag(`</${name}>`);
        i++;
      } else {
        w.tag(`<${tag}>`);
        w.text(words);
        w.tag(`</${name}>`);
      }
    } else {
      w.text(words);
    }
  }
  w.tag('</p>');
  w.newline();
}

function plantedParagraph(w: Writer, rand: () => number, entry: { lang: 'en' | 'zh'; html: string[] }): void {
  w.tag('<p>');
  w.text(entry.lang === 'zh' ? pick(rand, ZH_SENTENCES) : `${enSentence(rand)} `);
  w.parts(entry.html);
  w.text(entry.lang === 'zh' ? pick(rand, ZH_SENTENCES) : ` ${enSentence(rand)}`);
  w.tag('</p>');
  w.newline();
}

/** Non-prose furniture a news page carries: navigation, a table, a list, skipped blocks. */
function furniture(w: Writer, rand: () => number, kind: number): void {
  switch (kind % 5) {
    case 0:
      w.tag('<nav><ul>');
      for (const item of ['World', 'Business', 'Technology', 'Sport', 'Culture', '国际', '财经']) {
        w.tag('<li><a href="#">');
        w.text(item);
        w.tag('</a></li>');
      }
      w.tag('</ul></nav>');
      break;
    case 1:
      w.tag('<table><tbody>');
      for (let r = 0; r < 3; r++) {
        w.tag('<tr>');
        for (let c = 0; c < 3; c++) {
          w.tag('<td>');
          w.text(String(Math.floor(rand() * 1000) / 10));
          w.tag('</td>');
        }
        w.tag('</tr>');
      }
      w.tag('</tbody></table>');
      break;
    case 2:
      w.tag('<pre><code>');
      w.text(`const total = items.reduce((a, b) => a + b, ${Math.floor(rand() * 100)});`);
      w.tag('</code></pre>');
      break;
    case 3:
      w.tag('<div hidden>');
      w.text(enSentence(rand));
      w.tag('</div>');
      break;
    default:
      w.tag('<figure><figcaption>');
      w.text(`Photo: ${enSentence(rand)}`);
      w.tag('</figcaption></figure>');
  }
  w.newline();
}

const STYLE = `body{font:16px/1.5 serif;max-width:46rem;margin:0 auto;padding:1rem}
nav ul{display:flex;gap:1rem;list-style:none;padding:0}.hl{color:#555}td{padding:0 .5rem}figure{margin:1rem 0}`;

function pageHead(title: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`;
}

/**
 * A synthetic news page with about `targetTextNodes` text nodes in <body>,
 * one planted mention per ~200 text nodes and as many look-alikes.
 */
export function syntheticPage(targetTextNodes: number, seed = PAGE_SEED): SyntheticPage {
  const rand = mulberry32(seed ^ targetTextNodes);
  const w = new Writer();
  w.tag(pageHead(`Synthetic news, ${targetTextNodes} text nodes`));
  let planted = 0;
  let lookalikes = 0;
  let story = 0;
  // Planted mentions and look-alikes come every 150–250 text nodes (200 on average), interleaved.
  let nextMention = 100 + Math.floor(rand() * 100);
  let nextLookalike = 200 + Math.floor(rand() * 100);
  while (w.textNodes < targetTextNodes) {
    w.tag('<article>');
    w.tag('<h2>');
    w.text(`${story + 1}. ${enSentence(rand)}`);
    w.tag('</h2>');
    w.newline();
    const paragraphs = 6 + Math.floor(rand() * 10);
    for (let p = 0; p < paragraphs && w.textNodes < targetTextNodes; p++) {
      if (w.textNodes >= nextMention) {
        plantedParagraph(w, rand, MENTIONS[planted % MENTIONS.length]!);
        planted++;
        nextMention = w.textNodes + 150 + Math.floor(rand() * 100);
      } else if (w.textNodes >= nextLookalike) {
        plantedParagraph(w, rand, LOOKALIKES[lookalikes % LOOKALIKES.length]!);
        lookalikes++;
        nextLookalike = w.textNodes + 150 + Math.floor(rand() * 100);
      } else {
        fillerParagraph(w, rand, rand() < 0.3 ? 'zh' : 'en', 3 + Math.floor(rand() * 12));
      }
      if (rand() < 0.12) furniture(w, rand, Math.floor(rand() * 5));
    }
    w.tag('</article>');
    w.newline();
    story++;
  }
  w.tag('</body></html>');
  return { html: w.out.join(''), textNodes: w.textNodes, planted, lookalikes };
}

/** Text nodes appended per batch and the interval of the infinite-scroll page. */
export const SCROLL_BATCH_NODES = 500;
export const SCROLL_INTERVAL_MS = 250;

/**
 * Generates one infinite-scroll batch in the page (this function is serialised
 * into the page, so it is self-contained): 25 article cards of 20 text nodes
 * each, one of which carries a planted mention ("Project Glasswing" or "Claude
 * Mythos"), and one look-alike. Returns the fragment.
 */
export function makeScrollBatch(batch: number, nodes: number): DocumentFragment {
  const filler = [
    'The city council announced a new bus timetable on Tuesday. ',
    'Local farmers reviewed the spring harvest. ',
    '市政府周二宣布了新的公交时刻表。',
    'Commuters reported delays on the northern line. ',
    '志愿者们在河边清理垃圾。',
  ];
  const frag = document.createDocumentFragment();
  const cards = Math.max(1, Math.floor(nodes / 20));
  const mentionCard = (batch * 7) % cards;
  const lookalikeCard = (mentionCard + 11) % cards;
  let written = 0;
  for (let c = 0; c < cards; c++) {
    const card = document.createElement('div');
    card.className = 'card';
    const h = document.createElement('h3');
    h.textContent = `Story ${batch}.${c}`;
    card.append(h);
    written++;
    const per = c === cards - 1 ? nodes - written : 19;
    const p = document.createElement('p');
    for (let i = 0; i < per; i++) {
      let text = filler[(batch + c + i) % filler.length]!;
      if (c === mentionCard && i === 5)
        text = batch % 2 ? 'Partners in Project Glasswing patched critical software. ' : 'Anthropic said Claude Mythos found new flaws. ';
      if (c === lookalikeCard && i === 5) text = 'A glasswing butterfly rested in the rainforest garden. ';
      if (i % 3 === 1) {
        const b = document.createElement('b');
        b.textContent = text;
        p.append(b);
      } else {
        p.append(text);
      }
      written++;
    }
    card.append(p);
    frag.append(card);
  }
  return frag;
}

/** The infinite-scroll page: a news page (the 10k synthetic page) with an empty feed at its end that the bench fills. */
export function infiniteScrollPage(baseHtml: string): string {
  return baseHtml.replace('</body>', '<section id="feed"></section></body>');
}
