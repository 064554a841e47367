/**
 * Which proxy the environment names for a request, on a table of cases modelled on Go's own
 * (golang.org/x/net/http/httpproxy), since kubectl decides with that code and users expect the same answer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proxyFromEnvironment, type ProxyEnv } from '../../core/src/kubeApi/proxyFromEnvironment';

/** The proxy chosen for `target` as `variable → href`, or 'direct'. */
function chosen(target: string, env: ProxyEnv): string {
  const proxy = proxyFromEnvironment(new URL(target), env);
  return proxy ? `${proxy.variable} → ${proxy.url.href}` : 'direct';
}

const cases: { name: string; env: ProxyEnv; target: string; want: string }[] = [
  { name: 'no variables: direct', env: {}, target: 'https://api.corp:6443', want: 'direct' },
  {
    name: 'https servers use HTTPS_PROXY',
    env: { HTTPS_PROXY: 'http://proxy.corp:3128' },
    target: 'https://api.corp:6443',
    want: 'HTTPS_PROXY → http://proxy.corp:3128/',
  },
  {
    name: 'https servers ignore HTTP_PROXY',
    env: { HTTP_PROXY: 'http://proxy.corp:3128' },
    target: 'https://api.corp:6443',
    want: 'direct',
  },
  {
    name: 'http servers use HTTP_PROXY',
    env: { HTTP_PROXY: 'http://proxy.corp:3128', HTTPS_PROXY: 'http://other:1' },
    target: 'http://api.corp:8080',
    want: 'HTTP_PROXY → http://proxy.corp:3128/',
  },
  {
    name: 'the lowercase name is read when the uppercase one is unset',
    env: { https_proxy: 'http://lower:1' },
    target: 'https://api.corp',
    want: 'https_proxy → http://lower:1/',
  },
  {
    name: 'the uppercase name wins over the lowercase one',
    env: { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:1' },
    target: 'https://api.corp',
    want: 'HTTPS_PROXY → http://upper:1/',
  },
  {
    name: 'an empty uppercase name falls back to the lowercase one',
    env: { HTTPS_PROXY: '', https_proxy: 'http://lower:1' },
    target: 'https://api.corp',
    want: 'https_proxy → http://lower:1/',
  },
  {
    name: 'a proxy without a scheme is http',
    env: { HTTPS_PROXY: 'proxy.corp:3128' },
    target: 'https://api.corp',
    want: 'HTTPS_PROXY → http://proxy.corp:3128/',
  },
  {
    name: 'a bare IP and port is http',
    env: { HTTPS_PROXY: '10.0.0.9:3128' },
    target: 'https://api.corp',
    want: 'HTTPS_PROXY → http://10.0.0.9:3128/',
  },
  {
    name: 'an https proxy stays https',
    env: { HTTPS_PROXY: 'https://proxy.corp' },
    target: 'https://api.corp',
    want: 'HTTPS_PROXY → https://proxy.corp/',
  },
  {
    name: 'a socks5 proxy stays socks5',
    env: { HTTPS_PROXY: 'socks5://bastion:1080' },
    target: 'https://api.corp',
    want: 'HTTPS_PROXY → socks5://bastion:1080',
  },
  {
    name: 'localhost is never proxied',
    env: { HTTPS_PROXY: 'http://p:1' },
    target: 'https://localhost:6443',
    want: 'direct',
  },
  {
    name: 'a loopback IPv4 address is never proxied',
    env: { HTTPS_PROXY: 'http://p:1' },
    target: 'https://127.0.0.2:6443',
    want: 'direct',
  },
  {
    name: 'the IPv6 loopback is never proxied',
    env: { HTTPS_PROXY: 'http://p:1' },
    target: 'https://[::1]:6443',
    want: 'direct',
  },
  {
    name: 'a name that only starts like localhost is proxied',
    env: { HTTPS_PROXY: 'http://p:1' },
    target: 'https://localhost.corp',
    want: 'HTTPS_PROXY → http://p:1/',
  },
  {
    name: 'NO_PROXY * excludes everything',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: '*' },
    target: 'https://api.corp',
    want: 'direct',
  },
  {
    name: 'no_proxy is read when NO_PROXY is unset',
    env: { HTTPS_PROXY: 'http://p:1', no_proxy: 'api.corp' },
    target: 'https://api.corp',
    want: 'direct',
  },
  {
    name: 'NO_PROXY wins over no_proxy',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'other.corp', no_proxy: 'api.corp' },
    target: 'https://api.corp',
    want: 'HTTPS_PROXY → http://p:1/',
  },
  {
    name: 'a domain excludes itself',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'corp.example' },
    target: 'https://corp.example',
    want: 'direct',
  },
  {
    name: 'a domain excludes its subdomains',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'corp.example' },
    target: 'https://api.eu.corp.example:6443',
    want: 'direct',
  },
  {
    name: 'a domain does not exclude a name that merely ends like it',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'corp.example' },
    target: 'https://notcorp.example',
    want: 'HTTPS_PROXY → http://p:1/',
  },
  {
    name: 'a leading dot excludes subdomains only, not the domain itself (Go)',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: '.corp.example' },
    target: 'https://corp.example',
    want: 'HTTPS_PROXY → http://p:1/',
  },
  {
    name: 'a leading dot excludes subdomains',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: '.corp.example' },
    target: 'https://api.corp.example',
    want: 'direct',
  },
  {
    name: '*.domain excludes subdomains',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: '*.corp.example' },
    target: 'https://api.corp.example',
    want: 'direct',
  },
  {
    name: 'entries are trimmed and case-insensitive',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: ' other.net , API.Corp.Example ' },
    target: 'https://api.corp.example',
    want: 'direct',
  },
  {
    name: 'a domain with a port excludes only that port',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'corp.example:6443' },
    target: 'https://api.corp.example:6443',
    want: 'direct',
  },
  {
    name: 'a domain with another port does not exclude',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'corp.example:6443' },
    target: 'https://api.corp.example:443',
    want: 'HTTPS_PROXY → http://p:1/',
  },
  {
    name: 'the default port of the scheme counts for a port entry',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'corp.example:443' },
    target: 'https://api.corp.example',
    want: 'direct',
  },
  {
    name: 'an IP excludes that address',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: '10.1.2.3' },
    target: 'https://10.1.2.3:6443',
    want: 'direct',
  },
  {
    name: 'an IP does not exclude its neighbour',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: '10.1.2.3' },
    target: 'https://10.1.2.4:6443',
    want: 'HTTPS_PROXY → http://p:1/',
  },
  {
    name: 'an IP with a port excludes only that port',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: '10.1.2.3:6443' },
    target: 'https://10.1.2.3:443',
    want: 'HTTPS_PROXY → http://p:1/',
  },
  {
    name: 'a CIDR excludes the addresses in it',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: '10.0.0.0/8' },
    target: 'https://10.200.0.1:6443',
    want: 'direct',
  },
  {
    name: 'a CIDR does not exclude addresses outside it',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: '10.0.0.0/8' },
    target: 'https://11.0.0.1:6443',
    want: 'HTTPS_PROXY → http://p:1/',
  },
  {
    name: 'a CIDR does not exclude names',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: '10.0.0.0/8' },
    target: 'https://api.corp',
    want: 'HTTPS_PROXY → http://p:1/',
  },
  {
    name: 'an IPv6 CIDR excludes the addresses in it',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'fd00::/8' },
    target: 'https://[fd12::1]:6443',
    want: 'direct',
  },
  {
    name: 'a bracketed IPv6 address with a port',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: '[2001:db8::1]:6443' },
    target: 'https://[2001:db8::1]:6443',
    want: 'direct',
  },
  {
    name: 'a bare IPv6 address',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: '2001:db8::1' },
    target: 'https://[2001:db8::1]:6443',
    want: 'direct',
  },
  {
    name: 'an internationalised domain matches its punycode form',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'bücher.example' },
    target: 'https://api.bücher.example',
    want: 'direct',
  },
  {
    name: 'empty and malformed entries are skipped',
    env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: ',, :80, api.corp' },
    target: 'https://api.corp',
    want: 'direct',
  },
];

for (const c of cases) {
  test(`proxy from environment: ${c.name}`, () => {
    assert.equal(chosen(c.target, c.env), c.want);
  });
}

test('a variable that is not a URL even with http:// in front is refused, naming the variable but not its value', () => {
  assert.throws(
    () => proxyFromEnvironment(new URL('https://api.corp'), { HTTPS_PROXY: 'http://user:s3cret@[bad' }),
    (err: Error) => /HTTPS_PROXY is set but is not a proxy URL/.test(err.message) && !err.message.includes('s3cret'),
  );
});

test('a bad HTTP_PROXY does not matter to an https server', () => {
  assert.equal(chosen('https://api.corp', { HTTP_PROXY: '[bad' }), 'direct');
});

test('a proxy scheme kubectl cannot speak is refused, naming the variable and the scheme', () => {
  assert.throws(
    () => proxyFromEnvironment(new URL('https://api.corp'), { https_proxy: 'socks4://bastion:1080' }),
    /https_proxy names a socks4:\/\/ proxy; .*http:\/\/, https:\/\/ and socks5:\/\//,
  );
});
