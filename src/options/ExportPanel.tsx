/** Downloads every claim as ClaimReview JSON-LD, in the page's language. */
import { useState } from 'preact/hooks';
import { useApi } from '../ui/context';
import { useT } from '../ui/kit/lang';
import { downloadText, exportFileName } from './download';

export function ExportPanel({ version, doc = document }: { version: string | null; doc?: Document }) {
  const api = useApi();
  const { t, lang } = useT();
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const result = await api.exportClaimReview(lang);
    setBusy(false);
    if (!result.ok) {
      setNotice(t('common_error'));
      return;
    }
    const fileName = exportFileName(version ?? 'dataset', lang);
    downloadText(doc, result.value, fileName);
    setNotice(t('options_export_done', fileName));
  };
  return (
    <section aria-labelledby="ff-export-heading">
      <h2 id="ff-export-heading">{t('options_export_heading')}</h2>
      <p>{t('options_export_text')}</p>
      <button type="button" class="ff-primary" onClick={() => void run()} disabled={busy}>
        {t('options_export_button')}
      </button>
      <p role="status" class="ff-status">
        {notice}
      </p>
    </section>
  );
}
