// Prisma CLI configuration for the generated PostgreSQL schema (see ../../prisma.config.ts for why `engine: 'js'`).
// `prisma migrate deploy` does not work through the pg adapter (prisma/orm#27403); src/persistence/migrate.ts
// applies the migrations instead.
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

// As in ../../prisma.config.ts: the schema's env("DATABASE_URL") must hold a URL of this provider or the CLI falls
// back to downloading engines. Only this CLI process sees the replacement.
if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')) {
  process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
}
const url = process.env.DATABASE_URL;

export default defineConfig({
  schema: './schema.prisma',
  engine: 'js',
  experimental: { adapter: true },
  adapter: async () => new PrismaPg({ connectionString: url }),
});
