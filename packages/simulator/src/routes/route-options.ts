import type { SimStore } from '../store.js'

/** What every route plugin of the simulator is registered with. */
export interface RouteOptions {
  store: SimStore
}
