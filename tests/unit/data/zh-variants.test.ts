import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { zhVariantsFor } from '../../../scripts/zh-variants-lib';

it('the shipped Chinese fold table matches the dataset vocabulary (run `npm run gen:zh` when this fails)', () => {
  const shipped = JSON.parse(readFileSync('src/data/generated/zh-variants.json', 'utf8')) as unknown;
  expect(shipped).toEqual(zhVariantsFor());
});
