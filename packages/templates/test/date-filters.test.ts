import t from 'tap'
import { expectRenders } from './helpers.js'
import type { Row } from './helpers.js'

// 2024-06-27T14:55:00.850Z, a Thursday.
const executed = 1719500100850
const formats: Array<[string, string]> = [
  ['D d M Y', 'Thu 27 Jun 2024'],
  ['Y-m-d H:i', '2024-06-27 14:55'],
  ['Y-m-d H:i:s', '2024-06-27 14:55:00'],
  ['N j, Y, P', 'June 27, 2024, 2:55 p.m.'],
  ['l jS F Y', 'Thursday 27th June 2024'],
  ['g:i A', '2:55 PM'],
  ['h:i a', '02:55 p.m.'],
  ['n/j/y G', '6/27/24 14'],
  ['b M N', 'jun Jun June'],
  ['c', '2024-06-27T14:55:00.850000+00:00'],
  ['r', 'Thu, 27 Jun 2024 14:55:00 +0000'],
  ['U u', '1719500100 850000'],
  ['w W z t L', '4 26 179 30 True'],
  ['o T O Z e', '2024 UTC +0000 0 UTC'],
  ['\\Y\\e\\a\\r: Y', 'Year: 2024'],
  ['jS \\o\\f F', '27th of June'],
  ['SHORT_DATE_FORMAT', '06/27/2024'],
  ['DATE_FORMAT', 'June 27, 2024']
]

t.test('timestamp|date formats in UTC with Django characters', async (t) => {
  const rows: Row[] = formats.map(([format, expected]) => [
    `{{ executed|timestamp|date:"${format}" }}`, { executed }, expected
  ])
  await expectRenders(t, rows)
})

t.test('date edge cases', async (t) => {
  const rows: Row[] = [
    ['{{ t|timestamp|date }}', { t: executed }, 'June 27, 2024'],
    ['{{ t|timestamp }}', { t: executed }, 'June 27, 2024, 2:55 p.m.'],
    ['{{ t|timestamp|date:"P" }}', { t: Date.UTC(2024, 0, 1, 12) }, 'noon'],
    ['{{ t|timestamp|date:"P" }}', { t: Date.UTC(2024, 0, 1) }, 'midnight'],
    ['{{ t|timestamp|date:"jS" }}', { t: Date.UTC(2024, 0, 2) }, '2nd'],
    ['{{ t|timestamp|date:"jS" }}', { t: Date.UTC(2024, 0, 13) }, '13th'],
    ['{{ t|timestamp|date:"jS" }}', { t: Date.UTC(2024, 0, 23) }, '23rd'],
    ['{{ t|timestamp|date:"d M Y" }}', { t: '1719500100850' },
      '27 Jun 2024'],
    ['{{ t|timestamp|time:"H:i" }}', { t: executed }, '14:55'],
    ['[{{ t|timestamp|date:"Y" }}]', {}, '[]'],
    ['[{{ t|timestamp|date:"Y" }}]', { t: 'soon' }, '[]'],
    ['[{{ t|date:"Y" }}]', { t: '2024-06-27' }, '[]']
  ]
  await expectRenders(t, rows)
})
