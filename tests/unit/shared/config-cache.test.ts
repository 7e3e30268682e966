import { describe, expect, it } from 'vitest';
import { usableConfig } from '../../../src/shared/config-cache';

const config = { datasetVersion: '1.0.0', entities: [], claims: [] };

describe('usableConfig', () => {
  it('takes a config published by the same build only', () => {
    expect(usableConfig({ buildId: 'abc', config }, 'abc')).toEqual(config);
    expect(usableConfig({ buildId: 'old', config }, 'abc')).toBeNull();
  });

  it('rejects anything malformed', () => {
    for (const stored of [undefined, null, 'x', {}, { buildId: 'abc' }, { buildId: 'abc', config: { entities: 'no' } }]) {
      expect(usableConfig(stored, 'abc')).toBeNull();
    }
  });
});
