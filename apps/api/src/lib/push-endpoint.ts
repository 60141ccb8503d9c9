import { BlockList, isIP } from 'node:net'
import { Errors } from '../errors.js'

/** Addresses no public push service has: loopback, private, link-local. */
const INTERNAL = new BlockList()
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10],
  ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.168.0.0', 16]] as const) INTERNAL.addSubnet(net, prefix, 'ipv4')
for (const [net, prefix] of [['::', 127], ['fc00::', 7], ['fe80::', 10]] as const) {
  INTERNAL.addSubnet(net, prefix, 'ipv6')
}

/** Whether a URL's host names this machine or a private network directly. */
export function isInternalHost (hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  const family = isIP(host)
  if (family === 0) return false
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host)?.[1]
  if (mapped) return INTERNAL.check(mapped, 'ipv4')
  return INTERNAL.check(host, family === 4 ? 'ipv4' : 'ipv6')
}

/**
 * The worker posts to whatever endpoint a browser registered, so only
 * https endpoints on public hosts are taken: never a loopback, private or
 * link-local address (metadata services live there). WEBPUSH_ALLOW_HTTP,
 * for local stand-ins in tests, lifts both rules.
 */
export function checkEndpoint (endpoint: string, allowLocal: boolean): void {
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    throw Errors.validation({ endpoint: ['Enter a valid URL.'] })
  }
  if (allowLocal) {
    if (url.protocol === 'https:' || url.protocol === 'http:') return
  } else if (url.protocol === 'https:') {
    if (!isInternalHost(url.hostname)) return
    throw Errors.validation({ endpoint: ['The endpoint must be a public push service.'] })
  }
  throw Errors.validation({ endpoint: ['The endpoint must be an https URL.'] })
}
