/**
 * A fixed 32-byte key, base64, for tests that encrypt stored tokens and
 * secrets. Public by design: never use it outside tests.
 */
export const TEST_ENCRYPTION_KEY =
  Buffer.from('herald-test-key-0123456789abcdef').toString('base64')
