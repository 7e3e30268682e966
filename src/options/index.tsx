/** Options page entry: wires the browser API and renders. */
import { render } from 'preact';
import '../ui/base.css';
import './options.css';
import { createUiApi } from '../ui/api';
import { browserPlatform } from '../ui/browser-platform';
import { Options } from './Options';

render(<Options api={createUiApi(browserPlatform())} />, document.getElementById('app')!);
