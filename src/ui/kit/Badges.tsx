/** Status and verdict badges, worded by the same locale keys as the in-page card. */
import type { FactStatus, Verdict } from '../../data/schema';
import type { MessageKey } from '../../shared/i18n';
import { useT } from './lang';

const STATUS_KEYS: Record<FactStatus, MessageKey> = {
  verified: 'status_verified',
  'single-source': 'status_single_source',
  disputed: 'status_disputed',
  unconfirmed: 'status_unconfirmed',
};

export const verdictKey = (verdict: Verdict): MessageKey => `verdict_${verdict}`;
export const statusKey = (status: FactStatus): MessageKey => STATUS_KEYS[status];

export function StatusBadge({ status }: { status: FactStatus }) {
  const { t } = useT();
  return <span class={`ff-badge ff-status-${status}`}>{t(statusKey(status))}</span>;
}

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useT();
  return <span class={`ff-badge ff-verdict-${verdict}`}>{t(verdictKey(verdict))}</span>;
}
