import type { Liquid } from 'liquidjs'
import { dateFilters } from './date-filters.js'
import { toLiquidFilter } from './define-filter.js'
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

/**
 * Replaces LiquidJS's own filters with the Django ones, so that a Liquid
 * name such as `upcase` is an unknown filter, as it would be in Django.
 */
export function registerDjangoFilters (
  engine: Liquid, autoescape: boolean
): void {
  for (const name of Object.keys(engine.filters)) {
    engine.unregisterFilter(name)
  }
  for (const filter of DJANGO_FILTERS) {
    engine.registerFilter(filter.name, toLiquidFilter(filter, autoescape))
  }
}
