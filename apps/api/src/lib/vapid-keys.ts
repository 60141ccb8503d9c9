import webpush from 'web-push'
import {
  createCredential,
  mapPrismaError,
  readCredentials,
  ConflictError,
  type Company,
  type Database,
  type SecretBox
} from '@herald/db'

/**
 * The VAPID contact for generated keys: the company's system email, else
 * this service's own address (push services want mailto: or https:).
 */
function subjectFor (company: Company, publicUrl: string): string {
  if (company.systemEmail) return `mailto:${company.systemEmail}`
  const url = new URL(publicUrl)
  return url.protocol === 'https:' ? url.origin : `mailto:webpush@${url.hostname}`
}

/**
 * The company's VAPID public key. Keys an admin stored as `webpush`
 * credentials win; a company without any gets a pair generated on first
 * use and stored as its `webpush` credentials, so the worker signs with
 * the key browsers subscribed with. Two first requests at once race on
 * the unique (company, type) row; the loser reads the winner's keys.
 */
export async function vapidPublicKey (
  db: Database,
  box: SecretBox,
  company: Company,
  publicUrl: string
): Promise<string> {
  const stored = await readCredentials(db, box, company.id, 'webpush')
  if (stored?.public_key) return stored.public_key
  const keys = webpush.generateVAPIDKeys()
  try {
    await createCredential(db, box, company.id, 'webpush', {
      public_key: keys.publicKey,
      private_key: keys.privateKey,
      subject: subjectFor(company, publicUrl)
    })
    return keys.publicKey
  } catch (err) {
    if (!(mapPrismaError(err) instanceof ConflictError)) throw err
    const winner = await readCredentials(db, box, company.id, 'webpush')
    if (!winner?.public_key) throw err
    return winner.public_key
  }
}
