/**
 * Django's date format characters (`D d M Y`, `Y-m-d H:i`, `N j, Y, P`),
 * always in UTC. Backslash makes the next character literal.
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December']
const MONTHS_AP = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June',
  'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.']
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday',
  'Friday', 'Saturday']

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

function hour12 (d: Date): number {
  return d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12
}

/** `f`: 12-hour time, minutes left off when zero ("1", "1:30"). */
function f (d: Date): string {
  const m = d.getUTCMinutes()
  return m === 0 ? String(hour12(d)) : `${hour12(d)}:${pad(m)}`
}

/** `P`: "1 a.m.", "1:30 p.m.", "midnight", "noon". */
function P (d: Date): string {
  if (d.getUTCMinutes() === 0 && d.getUTCHours() === 0) return 'midnight'
  if (d.getUTCMinutes() === 0 && d.getUTCHours() === 12) return 'noon'
  return `${f(d)} ${d.getUTCHours() < 12 ? 'a.m.' : 'p.m.'}`
}

function ordinalSuffix (day: number): string {
  if (day >= 11 && day <= 13) return 'th'
  return ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[day % 10] ??
    'th'
}

function dayOfYear (d: Date): number {
  const start = Date.UTC(d.getUTCFullYear(), 0, 1)
  return Math.floor((d.getTime() - start) / 86_400_000) + 1
}

/** ISO 8601 week-numbering year and week. */
function isoWeek (d: Date): [number, number] {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(),
    d.getUTCDate()))
  const weekday = t.getUTCDay() === 0 ? 7 : t.getUTCDay()
  t.setUTCDate(t.getUTCDate() + 4 - weekday)
  const year = t.getUTCFullYear()
  return [year, Math.ceil((dayOfYear(t)) / 7)]
}

function isLeap (year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function microseconds (d: Date): number {
  return d.getUTCMilliseconds() * 1000
}

function isoFormat (d: Date): string {
  const us = microseconds(d)
  const base = d.toISOString().slice(0, 19)
  return `${base}${us === 0 ? '' : `.${pad(us, 6)}`}+00:00`
}

const FORMATTERS: Record<string, (d: Date) => string> = {
  a: (d) => d.getUTCHours() < 12 ? 'a.m.' : 'p.m.',
  A: (d) => d.getUTCHours() < 12 ? 'AM' : 'PM',
  b: (d) => (MONTHS[d.getUTCMonth()] ?? '').slice(0, 3).toLowerCase(),
  c: isoFormat,
  d: (d) => pad(d.getUTCDate()),
  D: (d) => (DAYS[d.getUTCDay()] ?? '').slice(0, 3),
  e: () => 'UTC',
  E: (d) => MONTHS[d.getUTCMonth()] ?? '',
  f,
  F: (d) => MONTHS[d.getUTCMonth()] ?? '',
  g: (d) => String(hour12(d)),
  G: (d) => String(d.getUTCHours()),
  h: (d) => pad(hour12(d)),
  H: (d) => pad(d.getUTCHours()),
  i: (d) => pad(d.getUTCMinutes()),
  I: () => '0',
  j: (d) => String(d.getUTCDate()),
  l: (d) => DAYS[d.getUTCDay()] ?? '',
  L: (d) => isLeap(d.getUTCFullYear()) ? 'True' : 'False',
  m: (d) => pad(d.getUTCMonth() + 1),
  M: (d) => (MONTHS[d.getUTCMonth()] ?? '').slice(0, 3),
  n: (d) => String(d.getUTCMonth() + 1),
  N: (d) => MONTHS_AP[d.getUTCMonth()] ?? '',
  o: (d) => String(isoWeek(d)[0]),
  O: () => '+0000',
  P,
  r: (d) => formatDate(d, 'D, d M Y H:i:s O'),
  s: (d) => pad(d.getUTCSeconds()),
  S: (d) => ordinalSuffix(d.getUTCDate()),
  t: (d) => String(new Date(Date.UTC(d.getUTCFullYear(),
    d.getUTCMonth() + 1, 0)).getUTCDate()),
  T: () => 'UTC',
  u: (d) => pad(microseconds(d), 6),
  U: (d) => String(Math.floor(d.getTime() / 1000)),
  w: (d) => String(d.getUTCDay()),
  W: (d) => String(isoWeek(d)[1]),
  y: (d) => pad(d.getUTCFullYear() % 100),
  Y: (d) => pad(d.getUTCFullYear(), 4),
  z: (d) => String(dayOfYear(d)),
  Z: () => '0'
}

/** Formats `date` with a Django format string. */
export function formatDate (date: Date, format: string): string {
  let out = ''
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] ?? ''
    if (ch === '\\') {
      out += format[++i] ?? ''
      continue
    }
    const formatter = FORMATTERS[ch]
    out += formatter === undefined ? ch : formatter(date)
  }
  return out
}

/** Django's named formats, with the `en` locale's values. */
export const NAMED_FORMATS: Record<string, string> = {
  DATE_FORMAT: 'N j, Y',
  DATETIME_FORMAT: 'N j, Y, P',
  SHORT_DATE_FORMAT: 'm/d/Y',
  SHORT_DATETIME_FORMAT: 'm/d/Y P',
  TIME_FORMAT: 'P',
  YEAR_MONTH_FORMAT: 'F Y',
  MONTH_DAY_FORMAT: 'F j'
}
