import { defineConfig } from 'prisma/config';

// The Prisma CLI downloads a native schema engine before every command, even `generate`,
// which never uses it. Pointing the variable at any existing file stops the download, so
// `prisma generate` works offline. Migrations run through the WebAssembly engine instead
// (scripts/migrate.ts, docs/decisions/001-offline-migrations.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

export default defineConfig({ schema: 'prisma/schema.prisma' });
