import { accountPresets } from './account-presets.js'
import { layoutPresets } from './layout-presets.js'
import type { LayoutPreset, NotificationPreset } from './preset-types.js'
import { transactionPresets } from './transaction-presets.js'

export type { LayoutPreset, NotificationPreset } from './preset-types.js'

/** Every notification preset, in the order the API lists them. */
export const NOTIFICATION_PRESETS: readonly NotificationPreset[] = [
  ...accountPresets,
  ...transactionPresets
]

export const LAYOUT_PRESETS: readonly LayoutPreset[] = layoutPresets

export function findNotificationPreset (id: string): NotificationPreset | undefined {
  return NOTIFICATION_PRESETS.find((preset) => preset.id === id)
}

export function findLayoutPreset (id: string): LayoutPreset | undefined {
  return LAYOUT_PRESETS.find((preset) => preset.id === id)
}
