import type { FastifyRequest } from 'fastify'
import { notFound } from './errors.js'

/** The platform's list shape. */
export interface Page<T> {
  count: number
  next: string | null
  previous: string | null
  results: T[]
}

const DEFAULT_PAGE_SIZE = 15
const MAX_PAGE_SIZE = 250

/**
 * Slices `items` by the request's `page` and `page_size`, with absolute
 * `next`/`previous` URLs built from the request's own URL, so a client
 * can follow them as it would on the platform.
 */
export function paginate<T> (request: FastifyRequest, items: T[]): Page<T> {
  const url = requestUrl(request)
  const size = pageSize(url.searchParams.get('page_size'))
  const last = Math.max(1, Math.ceil(items.length / size))
  const page = pageNumber(url.searchParams.get('page'), last)
  const start = (page - 1) * size
  return {
    count: items.length,
    next: page < last ? linkTo(url, page + 1) : null,
    previous: page > 1 ? linkTo(url, page - 1) : null,
    results: items.slice(start, start + size)
  }
}

function requestUrl (request: FastifyRequest): URL {
  return new URL(request.url, `${request.protocol}://${request.host}`)
}

// Like the platform, a bad page_size falls back to the default.
function pageSize (raw: string | null): number {
  const n = Number(raw)
  if (raw === null || !Number.isInteger(n) || n < 1) return DEFAULT_PAGE_SIZE
  return Math.min(n, MAX_PAGE_SIZE)
}

// Like the platform, a page past the end is a 404, not an empty list.
function pageNumber (raw: string | null, last: number): number {
  if (raw === null) return 1
  if (raw === 'last') return last
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > last) {
    throw notFound('Invalid page.')
  }
  return n
}

// The first page's link drops `page`, as the platform's does.
function linkTo (url: URL, page: number): string {
  const link = new URL(url)
  if (page === 1) link.searchParams.delete('page')
  else link.searchParams.set('page', String(page))
  return link.toString()
}
