/** Toolbar popup entry: wires the browser API and the tab to describe, then renders. */
import { render } from 'preact';
import '../ui/base.css';
import './popup.css';
import { createUiApi } from '../ui/api';
import { browserPlatform } from '../ui/browser-platform';
import { createFirstPaintCache } from './first-paint-cache';
import { Popup } from './Popup';
import { findTargetTab } from './target-tab';

const api = createUiApi(browserPlatform());
const findTab = () => findTargetTab(location.search, api.activeTabId);

// localStorage can throw on access (storage disabled); the cache then holds nothing.
const storage = (() => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
})();

render(<Popup api={api} findTab={findTab} cache={createFirstPaintCache(storage)} />, document.getElementById('app')!);
