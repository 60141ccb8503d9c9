import t from 'tap'
import {
  maskEmail,
  maskPhone,
  maskRecipient,
  maskSecret
} from '../src/index.js'

t.test('maskEmail keeps first letters and the top-level domain', async (t) => {
  const cases: Array<[string | null | undefined, string]> = [
    ['lina.okafor@example.org', 'l***@e***.org'],
    ['a@b.co', 'a***@b***.co'],
    ['ops@mail.example.co.uk', 'o***@m***.uk'],
    ['root@localhost', 'r***@l***'],
    ['not-an-email', '***'],
    ['@example.org', '***'],
    ['lina@', '***'],
    ['', ''],
    [null, ''],
    [undefined, '']
  ]
  for (const [input, expected] of cases) {
    t.equal(maskEmail(input), expected, String(input))
  }
})

t.test('maskPhone keeps plus, first digit and last three', async (t) => {
  const cases: Array<[string | null | undefined, string]> = [
    ['+15550100777', '+1*******777'],
    ['+1 555-010-0777', '+1*******777'],
    ['5550100777', '5******777'],
    ['+12345', '***'],
    ['', ''],
    [null, ''],
    [undefined, '']
  ]
  for (const [input, expected] of cases) {
    t.equal(maskPhone(input), expected, String(input))
  }
})

t.test('maskSecret keeps at most four characters', async (t) => {
  const cases: Array<[string | null | undefined, string]> = [
    ['abcdefghijklmnop', 'abcd…'],
    ['abcdefghijkl', 'abcd…'],
    ['abcdefghijk', '***'],
    ['abc', '***'],
    ['', ''],
    [null, ''],
    [undefined, '']
  ]
  for (const [input, expected] of cases) {
    t.equal(maskSecret(input), expected, String(input))
  }
})

t.test('maskRecipient picks the mask by the shape of the value', async (t) => {
  const expoToken = 'ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx]'
  t.equal(maskRecipient('lina.okafor@example.org'), 'l***@e***.org')
  t.equal(maskRecipient('+15550100777'), '+1*******777')
  t.equal(maskRecipient(expoToken), 'Expo…')
  t.equal(maskRecipient('short'), '***')
})
