/**
 * Saves text as a file through a Blob URL and a temporary link: no downloads
 * permission, no network, and the URL is revoked once the browser has it.
 */
export function downloadText(doc: Document, text: string, fileName: string, type = 'application/ld+json'): void {
  const view = doc.defaultView;
  if (!view) return;
  const url = view.URL.createObjectURL(new view.Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoking in the same task can cancel the download in Firefox; a minute is ample.
  view.setTimeout(() => view.URL.revokeObjectURL(url), 60_000);
}

/** "frontier-facts-claimreview-1.0.0-en.json" */
export const exportFileName = (version: string, lang: string) => `frontier-facts-claimreview-${version}-${lang}.json`;
