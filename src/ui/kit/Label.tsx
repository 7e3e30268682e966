/** A bold lead-in ("Sources: ", "更正：") with the punctuation of the current language. */
import { useT } from './lang';

export function Label({ text }: { text: string }) {
  const { t } = useT();
  return (
    <span class="ff-label">
      {text}
      {t('common_label_suffix')}
    </span>
  );
}
