/**
 * Which proxy, if any, the environment names for a request to the API server, decided as kubectl decides it: Go's
 * `http.ProxyFromEnvironment` (golang.org/x/net/http/httpproxy), which client-go uses when a cluster has no
 * `proxy-url`. Users behind a corporate proxy set these variables once for every tool; where we disagree with
 * kubectl, the extension says "unreachable" while kubectl works, so the rules below are Go's, quirks included.
 */
import { BlockList, isIP, isIPv4 } from 'node:net';
import { domainToASCII } from 'node:url';

/** The environment, e.g. `process.env`; passed in so each caller (and test) says which one it means. */
export type ProxyEnv = Readonly<Record<string, string | undefined>>;

export interface EnvironmentProxy {
  url: URL;
  /**
   * The variable it came from (`HTTPS_PROXY`, `https_proxy`, …), for messages; never its value, which may hold a
   * password.
   */
  variable: string;
}

/** The proxy schemes Go's transport speaks. */
const PROXY_PROTOCOLS = new Set(['http:', 'https:', 'socks5:']);

/**
 * The proxy for `target` (an http: or https: URL), or undefined to connect directly. Throws, naming the variable
 * but not its value (it may hold a password), when the value is not a proxy URL we can use: where Go would
 * silently connect directly or dial a nonsense host, a specific message serves the user better.
 */
export function proxyFromEnvironment(target: URL, env: ProxyEnv): EnvironmentProxy | undefined {
  // Go reads the uppercase name first and falls back to the lowercase one only when the uppercase is unset or empty.
  const [variable, value] =
    target.protocol === 'https:'
      ? firstSet(env, 'HTTPS_PROXY', 'https_proxy')
      : target.protocol === 'http:'
        ? firstSet(env, 'HTTP_PROXY', 'http_proxy')
        : [];
  if (!variable || !value) return undefined;
  const url = parseProxy(variable, value);
  const [, noProxy = ''] = firstSet(env, 'NO_PROXY', 'no_proxy');
  return bypassesProxy(target, noProxy) ? undefined : { url, variable };
}

/** True when a request to `target` goes direct under Go's NO_PROXY rules. */
export function bypassesProxy(target: URL, noProxy: string): boolean {
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  // Go never proxies "localhost" or a loopback address, whatever NO_PROXY says (a proxy cannot reach our loopback).
  if (host === 'localhost' || (isIP(host) && LOOPBACK.check(host, family(host)))) return true;
  return noProxyEntries(noProxy).some((entry) => entry(host, port));
}

type Matcher = (host: string, port: string) => boolean;

/** NO_PROXY as Go reads it: comma-separated, case-insensitive; malformed entries are skipped, as in Go. */
function noProxyEntries(noProxy: string): Matcher[] {
  const matchers: Matcher[] = [];
  for (const raw of noProxy.split(',')) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return [() => true];
    const cidr = parseCidr(entry);
    if (cidr) {
      matchers.push((host) => isIP(host) !== 0 && cidr.check(host, family(host)));
      continue;
    }
    const [entryHost, entryPort] = splitHostPort(entry);
    if (!entryHost) continue;
    if (isIP(entryHost)) {
      const one = new BlockList();
      one.addAddress(entryHost, family(entryHost));
      matchers.push(
        (host, port) => isIP(host) !== 0 && one.check(host, family(host)) && (!entryPort || entryPort === port),
      );
      continue;
    }
    // "example.com" matches it and its subdomains; ".example.com" and "*.example.com" only its subdomains (Go's rule,
    // narrower than curl's). Compared as a plain suffix, so an IP host can match a name entry, as in Go.
    const name = entryHost.startsWith('*.') ? entryHost.slice(1) : entryHost;
    const matchesItself = !name.startsWith('.');
    const dotted = domainToASCII(matchesItself ? `.${name}` : name) || (matchesItself ? `.${name}` : name);
    matchers.push(
      (host, port) =>
        (host.endsWith(dotted) || (matchesItself && host === dotted.slice(1))) && (!entryPort || entryPort === port),
    );
  }
  return matchers;
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

function family(ip: string): 'ipv4' | 'ipv6' {
  return isIPv4(ip) ? 'ipv4' : 'ipv6';
}

function parseCidr(entry: string): BlockList | undefined {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(entry);
  if (!m || !isIP(m[1])) return undefined;
  const bits = Number(m[2]);
  if (bits > (isIPv4(m[1]) ? 32 : 128)) return undefined;
  const list = new BlockList();
  list.addSubnet(m[1], bits, family(m[1]));
  return list;
}

/** "host:port", "[v6]:port", or a bare host (a bare IPv6 address has colons but no port). */
function splitHostPort(entry: string): [host: string, port?: string] {
  const bracketed = /^\[([^\]]*)\](?::(\d*))?$/.exec(entry);
  if (bracketed) return [bracketed[1], bracketed[2] || undefined];
  if (isIP(entry)) return [entry];
  const m = /^([^:]*):(\d*)$/.exec(entry);
  return m ? [m[1], m[2] || undefined] : [entry];
}

function firstSet(env: ProxyEnv, ...names: string[]): [variable?: string, value?: string] {
  for (const name of names) if (env[name]) return [name, env[name]];
  return [];
}

/** As Go's parseProxy: a value without a scheme (`proxy.corp:3128`) is an http proxy. */
function parseProxy(variable: string, value: string): URL {
  const trimmed = value.trim();
  const text = trimmed.includes('://') ? trimmed : `http://${trimmed}`;
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (!url?.hostname)
    throw new Error(
      `${variable} is set but is not a proxy URL (expected e.g. http://proxy.example.com:3128); fix or unset it`,
    );
  if (!PROXY_PROTOCOLS.has(url.protocol)) {
    throw new Error(
      `${variable} names a ${url.protocol}// proxy; kubectl and ` +
        `this extension speak http://, https:// and socks5:// proxies`,
    );
  }
  return url;
}
