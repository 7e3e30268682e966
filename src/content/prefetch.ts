/**
 * document_start entry (manifest `content_scripts[0]`): starts the storage
 * reads the content script proper (document_idle) will need. See early-reads.ts.
 * It touches neither the page nor its DOM.
 */
import { startEarlyReads } from './early-reads';

startEarlyReads();
