import { Type } from 'typebox'

/** `{"status":"success"}` — the answer to actions. */
export const Success = Type.Object({ status: Type.Literal('success') })

/** The platform's error envelope, for every 4xx and 5xx. */
export const ErrorEnvelope = Type.Object({
  status: Type.Literal('error'),
  message: Type.String(),
  data: Type.Record(Type.String(), Type.Array(Type.String()))
})

export const errorResponses = {
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  403: ErrorEnvelope,
  404: ErrorEnvelope,
  429: ErrorEnvelope,
  502: ErrorEnvelope,
  503: ErrorEnvelope
}

/** `{"status":"success","data":...}` around a payload schema. */
export const SuccessOf = <T extends Parameters<typeof Type.Object>[0][string]>(data: T) =>
  Type.Object({ status: Type.Literal('success'), data })
