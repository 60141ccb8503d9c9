import type { Database } from './client.js'
import type { SecretBox } from './secret-box.js'

export interface RotationReport {
  companies: number
  credentials: number
}

/**
 * Re-encrypts every stored secret sealed with a key other than the current
 * one: company webhook secrets and service tokens, provider credentials.
 * Run after moving the old key to `HERALD_ENCRYPTION_KEYS_OLD`; once it
 * reports nothing left, the old key can be dropped.
 */
export async function rotateSecrets (db: Database, box: SecretBox): Promise<RotationReport> {
  const reseal = (sealed: string): string => box.seal(box.open(sealed))
  let companies = 0
  for (const company of await db.company.findMany()) {
    const stale = box.needsRotation(company.webhookSecretEnc) ||
      (company.serviceTokenEnc !== null && box.needsRotation(company.serviceTokenEnc))
    if (!stale) continue
    await db.company.update({
      where: { id: company.id },
      data: {
        webhookSecretEnc: reseal(company.webhookSecretEnc),
        serviceTokenEnc: company.serviceTokenEnc && reseal(company.serviceTokenEnc)
      }
    })
    companies++
  }
  let credentials = 0
  for (const credential of await db.credential.findMany()) {
    if (!box.needsRotation(credential.credentialsEnc)) continue
    await db.credential.update({
      where: { id: credential.id },
      data: { credentialsEnc: reseal(credential.credentialsEnc) }
    })
    credentials++
  }
  return { companies, credentials }
}
