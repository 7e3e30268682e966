/**
 * Every text we have for holding the scanner's regexes to their plain forms: the labelled claim paragraphs and
 * pages, the seed articles, the dataset's claim examples, and each alias and cue with its edges pushed on.
 * (DOMParser: a test using it runs under jsdom.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rawDataset } from '../../src/data/index';
import { Dataset } from '../../src/data/schema';
import { SEED_IDS, seedHtml } from '../../tooling/seed-pages';
import { loadLabelledPages } from './labelled';

export function scanCorpus(): string[] {
  const texts: string[] = [];
  const dir = join(import.meta.dirname, '..', 'fixtures', 'claims-labelled');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')))
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n'))
      if (line.trim()) texts.push((JSON.parse(line) as { paragraph: string }).paragraph);
  for (const page of loadLabelledPages()) for (const p of page.paragraphs) texts.push(p.text);
  for (const id of SEED_IDS) texts.push(new DOMParser().parseFromString(seedHtml(id), 'text/html').body.textContent ?? '');
  const data = Dataset.parse(rawDataset);
  for (const claim of data.claims) texts.push(...claim.examples.flagged, ...claim.examples.accurate);
  for (const entity of data.entities) {
    for (const alias of entity.aliases)
      texts.push(alias.text, alias.text.toUpperCase(), alias.text.toLowerCase(), `x${alias.text}y`, `${alias.text}s`);
    for (const cue of [...entity.cues.topic.en, ...entity.cues.specific.en, ...entity.cues.veto.en]) texts.push(cue, `${cue}x`, `x${cue}`);
  }
  return texts;
}
