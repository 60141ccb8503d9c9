import type { NotificationType } from '@herald/db'
import { CHANNELS, MAX_ROW_ID } from '../schemas/common.js'

const CHANNEL_SET: ReadonlySet<string> = new Set(CHANNELS)

function isChannel (value: string): value is NotificationType {
  return CHANNEL_SET.has(value)
}

/** The values of an `__in` filter its schema has checked; undefined when absent. */
export function valuesOf (list: string | undefined): string[] | undefined {
  return list?.split(',')
}

/** The channels of a `type__in` filter. */
export function channelsOf (list: string | undefined): NotificationType[] | undefined {
  return valuesOf(list)?.filter(isChannel)
}

/** The row ids of an `__in` filter; one past the column's range matches nothing. */
export function idsOf (list: string | undefined): number[] | undefined {
  return valuesOf(list)?.map(Number).filter((id) => id <= MAX_ROW_ID)
}

/** Whether `value` passes a list's exact filter and its `__in` twin. */
export function passes<T> (value: T, exact: T | undefined, among: readonly T[] | undefined): boolean {
  return (exact === undefined || value === exact) &&
    (among === undefined || among.includes(value))
}
