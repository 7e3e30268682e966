/** Toolbar popup entry (placeholder until the popup issue lands: shows this page's report). */
import browser from 'webextension-polyfill';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { createSender, type PageReport } from '../shared/messages';

const send = createSender((m) => browser.runtime.sendMessage(m));

function Popup() {
  const [report, setReport] = useState<PageReport | null>(null);
  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(async ([tab]) => {
      if (tab?.id === undefined) return;
      const reply: unknown = await browser.tabs.sendMessage(tab.id, { type: 'page.report' }, { frameId: 0 }).catch(() => null);
      if (reply && typeof reply === 'object' && 'mentions' in reply) setReport(reply as PageReport);
    });
    void send('dataset.info');
  }, []);
  return (
    <main>
      <h1>Frontier Facts</h1>
      {report ? <p>{report.mentions.length} mentions, {report.claims.length} flagged</p> : <p>Not scanned</p>}
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
