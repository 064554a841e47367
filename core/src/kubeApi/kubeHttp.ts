/**
 * Requests to the Kubernetes API server over node:https/node:http, with the TLS and auth of the kubeconfig's
 * current context as client-node's KubeConfig applies them (CA, client certificate, skip-TLS-verify,
 * tls-server-name, bearer tokens, basic auth, exec plugins, OIDC). Our own rather than client-node's generated API,
 * whose models are most of its size (see scripts/buildOptions.mjs). Proxies are ours too: the cluster's `proxy-url`,
 * or without one the proxy HTTPS_PROXY/HTTP_PROXY/NO_PROXY name, as with kubectl.
 *
 * Failures keep what `classifyClusterError` reads: an HTTP error is a `KubeHttpError` with the status and the
 * Status body, a network error keeps its `code`, and no answer within the timeout is a `ClusterTimeoutError`.
 * Bodies are never put in messages: a successful one may hold secret values.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { ClusterTimeoutError } from './clusterProblem';
import { ConnectProxyAgent } from './connectProxyAgent';
import { proxyFromEnvironment, type ProxyEnv } from './proxyFromEnvironment';
import { maskedServerUrl, serverText } from './serverText';
import { ClusterLimitError, formatMiB, MAX_RESPONSE_BYTES } from './responseLimits';
import { SocksProxyAgent } from './socksProxyAgent';

/** The API server answered with an HTTP error; `body` is its Status (JSON text), which names objects, not values. */
export class KubeHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: string,
  ) {
    super(`${statusCode} ${http.STATUS_CODES[statusCode] ?? 'HTTP error'}`);
    this.name = 'KubeHttpError';
  }
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface KubeRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** From the API root, e.g. `/api/v1/namespaces`; appended to any path the server URL has (Rancher-style proxies). */
  path: string;
  query?: Query;
  body?: unknown;
  /** The body's media type when it is not plain JSON, e.g. `application/merge-patch+json` for a PATCH. */
  contentType?: string;
}

/** An Error body kept to a size a message can quote (an error page from a proxy can be large). */
const MAX_ERROR_BODY = 64 * 1024;

export class KubeHttp {
  constructor(
    private readonly kubeConfig: KubeConfig,
    private readonly server: string,
    /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read, at each request. */
    private readonly env: ProxyEnv = process.env,
  ) {}

  /** The request's URL: the server URL's own path is kept as a prefix. */
  url(path: string, query: Query = {}): URL {
    const url = URL.canParse(this.server) ? new URL(this.server) : undefined;
    if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
      const shown = serverText(maskedServerUrl(this.server));
      throw new Error(`the cluster's server "${shown}" is not an https:// (or http://) URL; fix it in the kubeconfig`);
    }
    url.pathname = url.pathname.replace(/\/+$/, '') + path;
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    return url;
  }

  /**
   * One call with a JSON answer, bounded by `timeoutMs` from the start (auth plugins included) to the last byte,
   * and by `MAX_RESPONSE_BYTES`: a body that passes it is dropped at once rather than kept until the timeout.
   */
  json<T>(req: KubeRequest, timeoutMs: number): Promise<T> {
    return this.bounded(req, timeoutMs, (res, settle) => {
      const status = res.statusCode ?? 0;
      if (status < 200 || status >= 300) return readErrorBody(res, settle);
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on('data', (c: Buffer) => {
        bytes += c.length;
        if (bytes <= MAX_RESPONSE_BYTES) return void chunks.push(c);
        chunks.length = 0;
        const size = formatMiB(MAX_RESPONSE_BYTES);
        settle(
          new ClusterLimitError(
            'bytes',
            `the API server's answer passed ${size} without ending, ` +
              `more than a real page of secrets; reading stopped there`,
          ),
        );
      });
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          settle(undefined, JSON.parse(text) as T);
        } catch {
          settle(new Error(`the API server answered ${req.method} ${req.path} with a body that is not JSON`));
        }
      });
    });
  }

  /**
   * Opens a streaming GET (a watch): resolves with the response once a 200's headers arrived, so reading it is
   * the caller's; any other status is read and rejected as a `KubeHttpError`. Only the connect phase is bounded.
   */
  stream(req: KubeRequest, timeoutMs: number): Promise<http.IncomingMessage> {
    return this.bounded(req, timeoutMs, (res, settle) => {
      if (res.statusCode === 200) return settle(undefined, res);
      readErrorBody(res, settle);
    });
  }

  /**
   * The agent for this request's proxy, or undefined to connect directly. The kubeconfig's `proxy-url` wins, as in
   * kubectl; without one, the environment's proxy for this URL, if any. socks5 is our SOCKS5 client and http(s) our
   * CONNECT client, in tests as in the shipped bundle, so every proxy failure reads the same whichever build runs.
   * The request options carry the TLS settings these agents need for the API server.
   */
  private proxyAgent(url: URL): http.Agent | undefined {
    const proxyUrl = this.kubeConfig.getCurrentCluster()?.proxyUrl;
    if (proxyUrl) return proxyUrlAgent(proxyUrl);
    const proxy = proxyFromEnvironment(url, this.env);
    if (!proxy) return undefined;
    return proxy.url.protocol === 'socks5:'
      ? new SocksProxyAgent(proxy.url)
      : new ConnectProxyAgent(proxy.url, proxy.variable);
  }

  /**
   * Sends the request and hands the response to `onResponse`, which settles the call. The timer runs until the
   * call settles; when it fires the request and its socket are destroyed, so nothing is left open.
   */
  private bounded<T>(
    req: KubeRequest,
    timeoutMs: number,
    onResponse: (res: http.IncomingMessage, settle: (err: unknown, value?: T) => void) => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let request: http.ClientRequest | undefined;
      let agent: http.Agent | undefined;
      let settled = false;
      const settle = (err: unknown, value?: T) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (err === undefined) return resolve(value as T);
        request?.destroy();
        agent?.destroy();
        reject(err);
      };
      const timer = setTimeout(() => settle(new ClusterTimeoutError(timeoutMs)), timeoutMs);
      const { body, options } = jsonRequest(req);
      let url: URL;
      let proxyAgent: http.Agent | undefined;
      try {
        // Before client-node reads the kubeconfig's proxy-url, so a bad one gets our message rather than its agent's.
        url = this.url(req.path, req.query);
        agent = proxyAgent = this.proxyAgent(url);
      } catch (err) {
        return settle(err);
      }
      // Applies the context's TLS and auth to `options` and sets a fresh agent built from them; it may run an exec
      // plugin, which is why the timer is already running.
      this.kubeConfig.applyToHTTPSOptions(options).then(
        () => {
          const clientNodeAgent = options.agent as http.Agent | undefined;
          // For a proxy-url, client-node built its own proxy agent; ours replaces it before it has opened anything.
          if (proxyAgent) clientNodeAgent?.destroy();
          else agent = clientNodeAgent;
          if (settled) return void agent?.destroy();
          try {
            options.agent = agent;
            request = openRequest(url, options, onResponse, settle);
            request.end(body);
          } catch (err) {
            settle(err);
          }
        },
        (err) => settle(err),
      );
    });
  }
}

/** The request's JSON body, if any, and the options that announce it. */
function jsonRequest(req: KubeRequest): { body: Buffer | undefined; options: https.RequestOptions } {
  const body = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body), 'utf8');
  const headers: http.OutgoingHttpHeaders = { Accept: 'application/json' };
  if (body) {
    headers['Content-Type'] = req.contentType ?? 'application/json';
    headers['Content-Length'] = body.length;
  }
  return { body, options: { method: req.method, headers } };
}

/** Starts the request (its body still to be written), settling the call on any error of the request or response. */
function openRequest<T>(
  url: URL,
  options: https.RequestOptions,
  onResponse: (res: http.IncomingMessage, settle: (err: unknown, value?: T) => void) => void,
  settle: (err: unknown, value?: T) => void,
): http.ClientRequest {
  const send = url.protocol === 'http:' ? http.request : https.request;
  const request = send(url, options, (res) => {
    res.on('error', (err) => settle(err));
    res.on('aborted', () => settle(connectionReset()));
    onResponse(res, settle);
  });
  request.on('error', (err) => settle(err));
  return request;
}

/**
 * The agent for a kubeconfig `proxy-url`, checked as kubectl checks it: an http, https or socks5 URL. Messages name
 * the field and the proxy's scheme, never the URL, which may carry a password.
 */
function proxyUrlAgent(proxyUrl: string): http.Agent {
  const proxy = URL.canParse(proxyUrl) ? new URL(proxyUrl) : undefined;
  if (!proxy?.hostname)
    throw new Error(
      `the cluster's proxy-url is not a proxy URL (expected e.g. ` +
        `http://proxy.example.com:3128); fix it in the kubeconfig`,
    );
  if (proxy.protocol.startsWith('socks')) return new SocksProxyAgent(proxy);
  if (proxy.protocol === 'http:' || proxy.protocol === 'https:') return new ConnectProxyAgent(proxy, 'proxy-url');
  throw new Error(
    `the cluster's proxy-url names a ${proxy.protocol}// proxy; kubectl ` +
      `and this extension speak http://, https:// and socks5:// proxies`,
  );
}

/**
 * An error answer's body, kept to `MAX_ERROR_BODY`: once that much arrived the call settles with it, so an error
 * page that never ends costs neither memory nor the rest of the timeout.
 */
function readErrorBody(res: http.IncomingMessage, settle: (err: unknown) => void): void {
  const chunks: Buffer[] = [];
  let bytes = 0;
  const done = () => {
    const text = Buffer.concat(chunks).toString('utf8').slice(0, MAX_ERROR_BODY);
    settle(new KubeHttpError(res.statusCode ?? 0, text));
  };
  res.on('data', (c: Buffer) => {
    chunks.push(c);
    bytes += c.length;
    if (bytes >= MAX_ERROR_BODY) done();
  });
  res.on('end', done);
}

/** What a connection closed by the peer before the answer was complete looks like to the classifier. */
export function connectionReset(): Error {
  return Object.assign(new Error('the connection to the API server was closed before the answer was complete'), {
    code: 'ECONNRESET',
  });
}
