import { dateFilters } from './date-filters.js'
import type { DjangoFilter } from './define-filter.js'
import { htmlFilters } from './html-filters.js'
import { listFilters } from './list-filters.js'
import { logicFilters } from './logic-filters.js'
import { moneyFilter } from './money-filter.js'
import { numberFilters } from './number-filters.js'
import { textFilters } from './text-filters.js'

/** Every filter a Herald template may use. */
export const DJANGO_FILTERS: readonly DjangoFilter[] = [
  ...textFilters,
  ...htmlFilters,
  ...listFilters,
  ...logicFilters,
  ...numberFilters,
  ...dateFilters,
  moneyFilter
]

const BY_NAME = new Map(DJANGO_FILTERS.map((f) => [f.name, f]))

/** The filter of that name, or undefined when Django would not know it. */
export function findFilter (name: string): DjangoFilter | undefined {
  return BY_NAME.get(name)
}
