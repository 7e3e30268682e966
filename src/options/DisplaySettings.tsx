/** Highlight style, card delay and language: each saved as soon as it changes. */
import { useEffect, useState } from 'preact/hooks';
import type { MessageKey } from '../shared/i18n';
import {
  HIGHLIGHT_STYLES,
  UI_LANGUAGES,
  type HighlightStyle,
  type Settings,
  type SettingsPatch,
  type UiLanguage,
} from '../shared/settings';
import { useT } from '../ui/kit/lang';

const STYLE_KEYS: Record<HighlightStyle, MessageKey> = {
  underline: 'options_highlight_underline',
  background: 'options_highlight_background',
  off: 'options_highlight_off',
};
const LANGUAGE_KEYS: Record<UiLanguage, MessageKey> = {
  auto: 'options_language_auto',
  en: 'options_language_en',
  zh: 'options_language_zh',
};
const DELAY_MIN = 0;
const DELAY_MAX = 3000;

export function DisplaySettings({ settings, update }: { settings: Settings; update: (patch: SettingsPatch) => void }) {
  const { t } = useT();
  // The field keeps what is typed; only a whole, in-range number is saved.
  const [delay, setDelay] = useState(String(settings.cardDelayMs));
  useEffect(() => setDelay(String(settings.cardDelayMs)), [settings.cardDelayMs]);
  const delayValid = /^\d+$/.test(delay) && Number(delay) >= DELAY_MIN && Number(delay) <= DELAY_MAX;

  return (
    <section aria-labelledby="ff-display-heading">
      <h2 id="ff-display-heading">{t('options_display_heading')}</h2>
      <fieldset>
        <legend>{t('options_highlight_legend')}</legend>
        {HIGHLIGHT_STYLES.map((style) => (
          <label class="ff-choice" key={style}>
            <input
              type="radio"
              name="highlight-style"
              value={style}
              checked={settings.highlightStyle === style}
              onChange={() => update({ highlightStyle: style })}
            />
            {t(STYLE_KEYS[style])}
          </label>
        ))}
      </fieldset>
      <div class="ff-field">
        <label for="ff-card-delay">{t('options_card_delay_label')}</label>
        <input
          id="ff-card-delay"
          type="number"
          inputMode="numeric"
          min={DELAY_MIN}
          max={DELAY_MAX}
          step={50}
          value={delay}
          aria-describedby="ff-card-delay-hint"
          aria-invalid={!delayValid}
          onInput={(e) => setDelay(e.currentTarget.value)}
          // Saved on commit (blur, Enter, the spin buttons), not per keystroke: storage.sync limits writes per minute.
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (/^\d+$/.test(value) && Number(value) <= DELAY_MAX) update({ cardDelayMs: Number(value) });
          }}
        />
        <p id="ff-card-delay-hint" class="ff-hint">
          {t('options_card_delay_hint')}
        </p>
      </div>
      <div class="ff-field">
        <label for="ff-language">{t('options_language_label')}</label>
        <select id="ff-language" value={settings.language} onChange={(e) => update({ language: e.currentTarget.value as UiLanguage })}>
          {UI_LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language === 'zh' ? 'zh-CN' : language === 'en' ? 'en' : undefined}>
              {t(LANGUAGE_KEYS[language])}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
