/**
 * Records the network requests a browser makes while the extension runs, for the "no network"
 * check, and says which of them the test pages themselves do not explain.
 *
 * Two methods, one per driver, because neither driver sees everything the other can:
 *
 * - Chromium: playwright's request events for every target of the context: tabs, frames, the
 *   extension's own pages and its service worker (`request.serviceWorker()`; playwright-core 1.65
 *   reports worker traffic by default, PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS is gone). A
 *   content script's fetch is the tab's request, so it is seen too. Chromium's own service
 *   traffic belongs to no target and never shows up, so the log is attributable. (A proxy is not
 *   used here: Debian's Chromium keeps calling update.googleapis.com and accounts.google.com
 *   whatever the switches, and a proxy cannot tell that traffic from the extension's.)
 *   The service worker starts with the browser, before a listener can be attached, so the caller
 *   reloads the extension once after `attach` to run its start-up code again under observation.
 * - Firefox: a recording HTTP proxy set by prefs for every scheme, with
 *   `network.proxy.allow_hijacking_localhost` so even the local test server goes through it.
 *   Every HTTP(S)/WebSocket connection of any context (pages, content scripts, the background
 *   page, extension pages) passes it; Firefox's own service traffic is switched off by prefs
 *   (remote settings point at a `data:` URL, which needs MOZ_REMOTE_SETTINGS_DEVTOOLS), so the
 *   log holds nothing but what the pages and the extension asked for.
 *
 * Limits (why a pass is strong evidence, not proof): only requests made while the test runs are
 * seen (a request on a day-long timer would not be); requests outside the HTTP stack (WebRTC,
 * DNS prefetch) are not; Chromium attributes only targets playwright attaches to (tabs, frames,
 * workers, extension pages; not, say, a request the browser makes on an extension's behalf such
 * as a downloads API fetch, which this extension has no permission for). The static check in
 * tests/unit/static-safety.test.ts covers the code paths a test run never reaches.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Request as PwRequest } from 'playwright-core';
import { internalsOf, type BrowserName, type ExtensionBrowser, type LaunchExtras } from '../../tooling/browsers';

export interface RecordedRequest {
  url: string;
  method: string;
  /** What asked: 'page' (a tab, a frame, an extension page), 'worker', or 'proxy' (Firefox: unknown). */
  from: 'page' | 'worker' | 'proxy';
  /** Chromium: playwright's resource type; Firefox: the Sec-Fetch-Dest header ('' if none). */
  kind: string;
}

export interface Expectations {
  /** The local test server, e.g. http://127.0.0.1:1234 */
  serverOrigin: string;
  /** chrome-extension://id/ or moz-extension://uuid/ */
  extensionOrigin: string;
  /** Documents the test navigated to (tabs and their frames). */
  documents: ReadonlySet<string>;
}

const withoutHash = (url: string) => url.split('#')[0]!;

/**
 * The modules a content script imports (the card's UI, the claim tables): Chromium serves a web-accessible
 * resource with `use_dynamic_url` from a per-session id, not the extension's id, so its origin differs from
 * `extensionOrigin`. Only those files, and only from an extension scheme: never network.
 */
const DYNAMIC_EXTENSION_FILE = /^chrome-extension:\/\/[0-9a-f-]{36}\/src\/content\/(?:card-ui|claim-tables)\.js$/;

/**
 * The requests the test pages do not explain. Allowed: the extension's own files (the card's UI
 * and claim-table modules also at their dynamic address), data:/blob:
 * URLs (never network), GETs of the documents the test navigated to (not from a worker), and
 * Firefox's favicon probe of the test server (Chromium's never reaches playwright's events).
 * Anything else, to any host, the local test server included, is reported.
 */
export function unexpectedRequests(requests: readonly RecordedRequest[], expect: Expectations): RecordedRequest[] {
  return requests.filter((r) => {
    if (r.url.startsWith(expect.extensionOrigin) || /^(data|blob):/.test(r.url)) return false;
    if (DYNAMIC_EXTENSION_FILE.test(r.url) && r.method === 'GET') return false;
    const isDocument = r.kind === 'document' || r.kind === 'iframe';
    if (isDocument && r.from !== 'worker' && r.method === 'GET' && expect.documents.has(withoutHash(r.url))) return false;
    if (r.url === `${expect.serverOrigin}/favicon.ico` && r.method === 'GET' && r.from === 'proxy' && r.kind === 'image') return false;
    return true;
  });
}

export interface NetworkRecorder {
  /** What to pass to `launchWith` (Firefox: the proxy prefs and environment). */
  extras: LaunchExtras;
  /** Starts listening on a launched browser (Chromium; Firefox records from launch on). */
  attach(browser: ExtensionBrowser): void;
  /** Every request seen so far. */
  readonly requests: readonly RecordedRequest[];
  close(): Promise<void>;
}

/** A recorder for one browser; `serverOrigin` is the only host the Firefox proxy forwards to. */
export async function startRecorder(name: BrowserName, serverOrigin: string): Promise<NetworkRecorder> {
  const requests: RecordedRequest[] = [];
  if (name === 'chromium') {
    return {
      extras: {},
      attach(browser) {
        const context = internalsOf(browser).context!;
        context.on('request', (request: PwRequest) => {
          requests.push({
            url: request.url(),
            method: request.method(),
            from: request.serviceWorker() ? 'worker' : 'page',
            kind: request.resourceType(),
          });
        });
      },
      requests,
      close: async () => undefined,
    };
  }
  const proxy = await startRecordingProxy(serverOrigin, requests);
  return {
    extras: { firefoxPrefs: firefoxProxyPrefs(proxy.port), env: { MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' } },
    attach: () => undefined,
    requests,
    close: proxy.close,
  };
}

/**
 * Every connection through one proxy, and Firefox's own background traffic off, so the proxy's
 * log is the pages' and the extension's traffic alone (checked empirically: with these prefs a
 * session that only loads a page logs exactly the page and its favicon).
 */
function firefoxProxyPrefs(port: number): Record<string, string | number | boolean> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.failover_direct': false,
    // Remote settings poll dozens of collections at start-up; a data: server keeps them local.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'services.settings.poll_interval': 86_400,
    'extensions.blocklist.enabled': false,
    'security.remote_settings.intermediates.enabled': false,
    'security.remote_settings.crlite_filters.enabled': false,
    'security.OCSP.enabled': 0,
    'browser.region.update.enabled': false,
    'browser.region.network.url': '',
    'doh-rollout.enabled': false,
    'network.trr.mode': 5,
    'messaging-system.rsexperimentloader.enabled': false,
    'app.normandy.enabled': false,
    'browser.translations.enable': false,
    'browser.ml.enable': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'dom.push.connection.enabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.server': '',
    'extensions.systemAddon.update.enabled': false,
    'browser.topsites.contile.enabled': false,
    'browser.urlbar.quicksuggest.enabled': false,
    'identity.fxaccounts.enabled': false,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'browser.safebrowsing.update.enabled': false,
  };
}

/** A forward proxy that records every request, forwards those to the test server and refuses the rest. */
async function startRecordingProxy(serverOrigin: string, log: RecordedRequest[]): Promise<{ port: number; close: () => Promise<void> }> {
  const target = new URL(serverOrigin);
  const record = (req: IncomingMessage, url: string) =>
    log.push({ url, method: req.method ?? '', from: 'proxy', kind: String(req.headers['sec-fetch-dest'] ?? '') });
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '';
    record(req, url);
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.host !== target.host || parsed.protocol !== 'http:') {
      res.writeHead(403, { 'content-type': 'text/plain' });
      res.end('blocked by the test proxy');
      return;
    }
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, path: parsed.pathname + parsed.search, method: req.method, headers: req.headers },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  // https:// and wss:// arrive as CONNECT host:port; nothing is tunnelled.
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    const authority = (req.url ?? '').replace(/:443$/, '');
    record(req, `https://${authority}/`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('upgrade', (req: IncomingMessage, socket: Socket) => {
    record(req, req.url ?? '');
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
