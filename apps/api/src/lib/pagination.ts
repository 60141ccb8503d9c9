import type { FastifyRequest } from 'fastify'

export interface PageRequest {
  page?: number
  page_size?: number
}

export interface Page<T> {
  count: number
  next: string | null
  previous: string | null
  results: T[]
}

export const DEFAULT_PAGE_SIZE = 15

export function pageWindow (query: PageRequest): { skip: number, take: number } {
  const size = query.page_size ?? DEFAULT_PAGE_SIZE
  return { skip: ((query.page ?? 1) - 1) * size, take: size }
}

/**
 * The platform's list envelope, with absolute `next`/`previous` links built
 * on the extension's public URL and the request's own query string.
 */
export function toPage<T> (
  request: FastifyRequest,
  publicUrl: string,
  count: number,
  results: T[]
): Page<T> {
  const query = request.query as PageRequest
  const page = query.page ?? 1
  const size = query.page_size ?? DEFAULT_PAGE_SIZE
  const link = (target: number): string => {
    const url = new URL(request.url, publicUrl)
    url.searchParams.set('page', String(target))
    return url.href
  }
  return {
    count,
    next: page * size < count ? link(page + 1) : null,
    previous: page > 1 ? link(Math.min(page - 1, Math.max(1, Math.ceil(count / size)))) : null,
    results
  }
}
