// npm run new-migration <name>: creates src/migrations/NNNN_<name>.ts; then list it in src/migrations/index.ts.
import { readdirSync, writeFileSync } from 'node:fs'

const name = process.argv[2]
if (!name || !/^[a-z][a-z0-9_]*$/.test(name)) {
  console.error('用法：npm run new-migration <名称>（小写字母、数字和下划线，例如 create_catalogue_items）')
  process.exit(1)
}
const dir = new URL('../src/migrations/', import.meta.url)
const numbers = readdirSync(dir).map((f) => /^(\d{4})_/.exec(f)?.[1]).filter(Boolean).map(Number)
const next = String(Math.max(0, ...numbers) + 1).padStart(4, '0')
const file = `${next}_${name}.ts`
writeFileSync(new URL(file, dir), `// Frozen in time: never import application code from a migration.\nimport { sql, type Kysely } from 'kysely'\n\nexport async function up(db: Kysely<any>): Promise<void> {\n  void sql\n  void db\n}\n`)
console.log(`已创建 src/migrations/${file}，请在 src/migrations/index.ts 中登记。`)
