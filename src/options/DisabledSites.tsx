/** The sites where Frontier Facts is off, each with a button to turn it back on. */
import { useState } from 'preact/hooks';
import type { Settings, SettingsPatch } from '../shared/settings';
import { useT } from '../ui/kit/lang';

export function DisabledSites({ settings, update }: { settings: Settings; update: (patch: SettingsPatch) => Promise<boolean> }) {
  const { t } = useT();
  const [notice, setNotice] = useState('');
  const remove = async (host: string) => {
    const saved = await update({ disabledSites: settings.disabledSites.filter((h) => h !== host) });
    setNotice(saved ? t('options_site_removed', host) : t('common_save_failed'));
  };
  const sites = [...settings.disabledSites].sort();
  return (
    <section aria-labelledby="ff-sites-heading">
      <h2 id="ff-sites-heading">{t('options_sites_heading')}</h2>
      {sites.length === 0 ? (
        <p class="ff-muted">{t('options_sites_empty')}</p>
      ) : (
        <ul class="ff-site-list">
          {sites.map((host) => (
            <li key={host}>
              <span class="ff-host">{host}</span>
              <button type="button" aria-label={t('options_site_remove_label', host)} onClick={() => void remove(host)}>
                {t('options_site_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" class="ff-status">
        {notice}
      </p>
    </section>
  );
}
