/**
 * The popup's switches: on/off for the page's site and pause everywhere. The
 * content script follows the stored settings live, so a switch needs no reload.
 */
import type { Settings, SettingsPatch } from '../shared/settings';
import { useApi } from '../ui/context';
import { useT } from '../ui/kit/lang';
import type { MarksSwitch } from './use-marks';

export interface SiteControlsProps {
  settings: Settings;
  /** The described tab's hostname; null when the page is not one we can run on. */
  host: string | null;
  update: (patch: SettingsPatch) => void;
  failed: boolean;
  /** Hide or show this page's marks; null when the page has no running content script. */
  marks?: MarksSwitch | null;
}

export function SiteControls({ settings, host, update, failed, marks = null }: SiteControlsProps) {
  const api = useApi();
  const { t } = useT();
  const siteOn = host !== null && !settings.disabledSites.includes(host);
  const setSite = (on: boolean) => {
    if (host === null) return;
    const others = settings.disabledSites.filter((h) => h !== host);
    update({ disabledSites: on ? others : [...others, host] });
  };
  return (
    // A footer outside <main> is the contentinfo landmark, so axe's "all content in landmarks" holds.
    <footer class="ff-controls" aria-label={t('popup_controls_label')}>
      {host !== null && (
        <label class="ff-switch">
          <input type="checkbox" role="switch" checked={siteOn} onChange={(e) => setSite(e.currentTarget.checked)} />
          <span>{t('popup_site_switch', host)}</span>
        </label>
      )}
      {marks && (
        <label class="ff-switch">
          <input type="checkbox" role="switch" checked={marks.shown} onChange={(e) => marks.set(e.currentTarget.checked)} />
          <span>{t('popup_marks_switch')}</span>
        </label>
      )}
      <label class="ff-switch">
        <input type="checkbox" role="switch" checked={!settings.enabled} onChange={(e) => update({ enabled: !e.currentTarget.checked })} />
        <span>{t('popup_pause_switch')}</span>
      </label>
      <button type="button" class="ff-link-button" onClick={() => void api.openOptions()}>
        {t('popup_open_options')}
      </button>
      {failed && (
        <p class="ff-error" role="alert">
          {t('common_save_failed')}
        </p>
      )}
    </footer>
  );
}
