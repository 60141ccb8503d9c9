/**
 * A Prisma scalar filter from a list's exact filter (`type=sms`) and its
 * `__in` twin (`type__in=sms,push`): a row must satisfy both. Undefined,
 * which Prisma reads as no filter, when neither is given.
 */
export function exactOrAmong<T> (
  equals: T | undefined,
  among: readonly T[] | undefined
): { equals?: T, in?: T[] } | undefined {
  if (equals === undefined && among === undefined) return undefined
  return {
    ...(equals === undefined ? {} : { equals }),
    ...(among === undefined ? {} : { in: [...among] })
  }
}
