import { defineConfig } from 'prisma/config'

// The CLI reads the connection string only for migrate commands; generation
// needs none, so a missing DATABASE_URL must not stop `prisma generate`.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations'
  },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/herald'
  }
})
