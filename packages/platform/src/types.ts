/** A platform group a user belongs to, as `/3/auth/` lists it. */
export interface PlatformGroup {
  name: string
  label?: string
  section?: string
}

/** A platform user, from `/3/auth/` or `/3/admin/users/{id}/`. */
export interface PlatformUser {
  id: string
  email: string | null
  mobile: string | null
  first_name: string | null
  last_name: string | null
  username?: string | null
  language: string | null
  timezone: string | null
  /** The company identifier. */
  company: string
  groups: PlatformGroup[]
  verification?: { email: boolean; mobile: boolean }
}

/** The company of the service token, from `/3/admin/company/`. */
export interface PlatformCompany {
  id: string
  name: string
  system_email: string | null
  support_email?: string | null
  website?: string | null
  logo?: string | null
  icon?: string | null
  mode?: string | null
}

/** One app registration on a device; `token` is the push token. */
export interface PlatformDeviceApp {
  id?: string
  /** `expo` for Expo apps. */
  type?: string
  token: string
}

/** A user's device, from `/3/admin/users/devices/`. */
export interface PlatformDevice {
  id: string
  apps: PlatformDeviceApp[]
}

/** A transaction; only the fields Herald relies on are typed. */
export interface PlatformTransaction {
  id: string
  amount?: number
  fee?: number
  [k: string]: unknown
}

/** Body of `POST /3/admin/webhooks/`. */
export interface WebhookRegistration {
  url: string
  event: string
  secret: string
  condition?: string
}
