/** Options page entry (placeholder until the popup/options issue lands). */
import { render } from 'preact';

render(<main><h1>Frontier Facts</h1></main>, document.getElementById('app')!);
