/**
 * The `gongkai` command (package.json bin; `npx gongkai …`). Every command reads configuration
 * from the environment through config.ts, like the server.
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { Command, CommanderError } from 'commander'
import { loadConfig, ConfigError } from './config.ts'
import { seedDemo, hasDemoData } from './demo/seed-demo.ts'
import { currentCalendar, ensureOfficialCalendar, explainDueDate, officialCalendar, type Calendar } from './modules/calendar/index.ts'
import { DataDirLockedError } from './platform/database/data-dir-lock.ts'
import { start } from './main.ts'
import { appendAudit, hashPassword, passwordProblems, roleLabel, isRole, verifyAuditChain } from './modules/orgs/index.ts'
import { importCatalogue, readCatalogueFile } from './modules/publishing/index.ts'
import { importHistory, parseHistoryCsv, parseHistoryXlsx } from './modules/requests/index.ts'
import { findOrganisation, findUserByUsername } from './modules/orgs/index.ts'
import { createFieldCipher } from './platform/crypto/sm.ts'
import { systemClock } from './platform/clock.ts'
import { backupDatabase, restoreDatabase } from './platform/database/backup.ts'
import { migrateToLatest } from './platform/database/migrate.ts'
import { openConfiguredDatabase } from './runtime.ts'

const print = (line: string) => process.stdout.write(`${line}\n`)

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<T>): Promise<T> {
  const runtime = await openConfiguredDatabase(loadConfig())
  try {
    return await fn(runtime)
  } finally {
    await runtime.close()
  }
}

function strongPassword(): string {
  // 16 random base64url characters plus one of each class, so the policy always holds.
  return `${randomBytes(12).toString('base64url')}Kz#7`
}

export function buildCli(): Command {
  const program = new Command('gongkai').description('Gongkai 政务公开平台').exitOverride()

  program.command('start').description('启动门户网站和管理后台').action(async () => {
    const server = await start(loadConfig(), print)
    const stop = async () => { await server.close(); process.exit(0) }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })

  program.command('migrate').description('执行数据库迁移').action(async () => {
    await withDatabase(async ({ db }) => {
      const result = await migrateToLatest(db)
      if (await ensureOfficialCalendar(db, new Date())) print('已载入随程序发布的官方工作日历（2007—2026 年）')
      const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
      print(applied.length ? `已执行迁移：${applied.join('、')}` : '数据库已是最新结构')
    })
  })

  program.command('seed-demo').description('载入开州区演示数据（生产环境不可用）').action(async () => {
    const config = loadConfig()
    if (config.isProduction) throw new Error('生产环境不能载入演示数据')
    await withDatabase(async ({ db }) => {
      await migrateToLatest(db)
      await ensureOfficialCalendar(db, new Date())
      const result = await seedDemo(db, { dataKey: config.dataKey })
      print(result.seeded ? `已载入演示数据：${result.organisations} 个单位，${result.users.length} 个演示账号` : `数据库中已有 ${result.organisations} 个单位，未重复载入`)
    })
  })

  program.command('create-admin').description('创建管理员账号（新安装时同时创建行政区和公开办）')
    .requiredOption('--username <username>', '用户名')
    .requiredOption('--name <name>', '姓名')
    .option('--role <role>', '角色：system_admin、security_admin、audit_admin 或 disclosure_admin', 'system_admin')
    .option('--password <password>', '初始密码（不填则生成随机密码并显示一次）')
    .option('--region-code <code>', '新安装时的行政区划代码（GB/T 2260）', '500154')
    .option('--region-name <name>', '新安装时的行政区名称')
    .option('--office-name <name>', '新安装时的政府信息公开工作主管部门名称')
    .action(async (opts: { username: string; name: string; role: string; password?: string; regionCode: string; regionName?: string; officeName?: string }) => {
      const config = loadConfig()
      if (!isRole(opts.role) || !['system_admin', 'security_admin', 'audit_admin', 'disclosure_admin'].includes(opts.role)) throw new Error('角色只能是 system_admin、security_admin、audit_admin 或 disclosure_admin')
      if (!/^[a-z][a-z0-9_.-]{2,31}$/.test(opts.username)) throw new Error('用户名须以小写字母开头，由 3 到 32 个小写字母、数字、点、下划线或短横线组成')
      const password = opts.password ?? strongPassword()
      const problems = passwordProblems(password, opts.username)
      if (problems.length) throw new Error(problems.join('；'))
      await withDatabase(async ({ db }) => {
        await migrateToLatest(db)
        await ensureOfficialCalendar(db, new Date())
        if (await db.selectFrom('users').select('id').where('username', '=', opts.username).executeTakeFirst()) throw new Error(`用户名 ${opts.username} 已存在`)
        const passwordHash = await hashPassword(password)
        await db.transaction().execute(async (trx) => {
          let office = await trx.selectFrom('organisations').select(['id']).where('is_disclosure_office', '=', true).where('valid_to', 'is', null).executeTakeFirst()
          if (!office) {
            const regionName = opts.regionName ?? config.site.regionName
            const today = new Date().toISOString().slice(0, 10)
            const region = await trx.insertInto('regions').values({ code: opts.regionCode, name: regionName, valid_from: today, valid_to: null, successor_id: null, basis: null }).returning('id').executeTakeFirstOrThrow()
            const gov = await trx.insertInto('organisations').values({ region_id: region.id, code: 'gov', name: `${regionName}人民政府`, short_name: '政府', kind: 'government', valid_from: today, sort_order: 10 }).returning('id').executeTakeFirstOrThrow()
            office = await trx.insertInto('organisations').values({ region_id: region.id, parent_id: gov.id, code: 'gov-office', name: opts.officeName ?? `${regionName}人民政府办公室`, short_name: '政府办公室', kind: 'office', is_disclosure_office: true, valid_from: today, sort_order: 20 }).returning('id').executeTakeFirstOrThrow()
          }
          const user = await trx.insertInto('users').values({ username: opts.username, display_name: opts.name, organisation_id: office.id, password_hash: passwordHash, must_change_password: true }).returning('id').executeTakeFirstOrThrow()
          await trx.insertInto('user_roles').values({ user_id: user.id, role: opts.role }).execute()
          await appendAudit(trx, { actorUsername: 'cli', action: 'user.create', outcome: 'success', targetType: 'user', targetId: user.id, organisationId: office.id, details: { username: opts.username, roles: [opts.role], via: 'create-admin' } }, new Date())
        })
      })
      print(`已创建${roleLabel(opts.role)}账号 ${opts.username}。首次登录后必须修改密码。`)
      if (!opts.password) print(`初始密码（只显示这一次）：${password}`)
    })

  program.command('backup').description('把整个数据库导出为一个文件（可在嵌入式数据库和 PostgreSQL 之间迁移）')
    .argument('<file>', '备份文件路径').action(async (file: string) => {
      await withDatabase(async ({ db, kind }) => {
        const summary = await backupDatabase(db, file)
        print(`已从${kind === 'pglite' ? '嵌入式数据库' : 'PostgreSQL'}备份到 ${file}：${summary.tables.map((t) => `${t.name} ${t.rows}`).join('，')}`)
      })
    })

  program.command('restore').description('把备份文件恢复到一个新的空数据库')
    .argument('<file>', '备份文件路径').action(async (file: string) => {
      await withDatabase(async ({ db, kind }) => {
        await migrateToLatest(db)
        const summary = await restoreDatabase(db, file)
        print(`已恢复到${kind === 'pglite' ? '嵌入式数据库' : 'PostgreSQL'}：${summary.tables.map((t) => `${t.name} ${t.rows}`).join('，')}`)
        if (loadConfig().isProduction && (await hasDemoData(db))) print('注意：备份中含有演示数据，生产环境将拒绝启动。')
      })
    })

  program.command('import-catalogue').description('导入单位旧网站的公开信息（CSV 或 XLSX，列见 README“导入公开信息”）；--dry-run 只检查不写入')
    .argument('<file>', 'CSV（UTF-8）或 XLSX 文件路径')
    .option('--unit <code>', '发布机构的单位代码；不填则按文件中的“发布机构”列')
    .option('--dry-run', '只检查每一行并列出问题，不写入数据库')
    .action(async (file: string, opts: { unit?: string; dryRun?: boolean }) => {
      const dryRun = opts.dryRun ?? false
      const parsed = await readCatalogueFile(file)
      const result = await withDatabase(({ db }) => importCatalogue(db, parsed.rows, { organisationCode: opts.unit, dryRun, clock: systemClock, actorLabel: 'cli' }))
      if (parsed.ignoredColumns.length) print(`以下列不属于导入格式，已忽略：${parsed.ignoredColumns.join('、')}`)
      const byRow = new Map<number, string[]>()
      for (const r of result.rejected) byRow.set(r.row, [...(byRow.get(r.row) ?? []), r.field ? `${r.field}：${r.message}` : r.message])
      print(dryRun
        ? `检查完毕（未写入）：共 ${result.total} 行，可导入 ${result.accepted} 行，有问题 ${byRow.size} 行`
        : `已导入 ${result.imported} 条公开信息：共 ${result.total} 行，有问题未导入 ${byRow.size} 行；用时 ${(result.elapsedMs / 1000).toFixed(1)} 秒（每秒 ${result.itemsPerSecond} 条）`)
      for (const [row, reasons] of byRow) print(`  第 ${row} 行：${reasons.join('；')}`)
      if (!dryRun && byRow.size) process.exitCode = 1
    })

  program.command('import-requests').description('导入单位的历史依申请公开案件（CSV 或 XLSX，列见 README“依申请公开”）；--dry-run 只检查不写入；有一行不通过则全部不导入')
    .argument('<file>', 'CSV（UTF-8 或 GB18030）或 XLSX 文件路径')
    .requiredOption('--user <username>', '以哪个账号导入（只能导入该账号所在单位的案件；公开办可导入各单位）')
    .option('--dry-run', '只检查每一行并列出问题，不写入数据库')
    .action(async (file: string, opts: { user: string; dryRun?: boolean }) => {
      const config = loadConfig()
      const { readFile } = await import('node:fs/promises')
      const bytes = new Uint8Array(await readFile(file))
      const rows = file.toLowerCase().endsWith('.xlsx') ? await parseHistoryXlsx(bytes) : parseHistoryCsv(bytes)
      const result = await withDatabase(async ({ db }) => {
        const user = await findUserByUsername(db, opts.user)
        const unit = user ? await findOrganisation(db, user.organisationId) : undefined
        if (!user || !unit) throw new Error(`找不到账号“${opts.user}”`)
        const actor = { userId: user.id, username: user.username, displayName: user.displayName, organisationId: unit.id, organisationName: unit.name, regionId: unit.regionId, roles: user.roles, mustChangePassword: false, totpEnabled: false }
        const security = { sessionIdleMinutes: config.sessionIdleMinutes, sessionAbsoluteHours: config.sessionAbsoluteHours, loginMaxFailures: config.loginMaxFailures, loginLockMinutes: config.loginLockMinutes, ipMaxFailures: config.loginMaxFailures * 6, enforcePasswordChange: false }
        return importHistory({ db, clock: systemClock, cipher: createFieldCipher(config.dataKey), security, actor, ip: 'cli', identityKey: config.dataKey }, rows, { dryRun: opts.dryRun ?? false })
      })
      print(`${result.dryRun ? `检查完毕（未写入）：共 ${result.total} 行，可导入 ${result.accepted} 行，有问题 ${result.rejected.length} 行` : `已导入 ${result.imported} 件：共 ${result.total} 行，有问题 ${result.rejected.length} 行`}${result.skipped.length ? `；此前已导入、跳过 ${result.skipped.length} 行` : ''}`)
      for (const r of result.rejected) print(`  第 ${r.line} 行：${r.reasons.join('；')}`)
      if (result.rejected.length) process.exitCode = 1
    })

  const calendar = program.command('calendar').description('工作日历')
  calendar.command('due').description('计算答复期限并逐日说明（第一行是期限的最后一天）')
    .requiredOption('--from <date>', '收到申请的日期，例如 2025-01-24')
    .option('--days <n>', '工作日数（不填则按条例：2019 年起 20，此前 15）')
    .option('--regime <id>', 'cn-2019 或 cn-2007（不填则按收到申请的日期）')
    .action(async (opts: { from: string; days?: string; regime?: string }) => {
      if (opts.days !== undefined && !/^\d+$/.test(opts.days)) throw new Error(`工作日数须是非负整数，现为“${opts.days}”`)
      // The calendar in force is the database's; without an installation (or while the embedded database is in
      // use by the server) the shipped official calendar answers, and says so.
      const config = loadConfig()
      let cal: Calendar = officialCalendar()
      if (config.databaseUrl || existsSync(path.join(config.dataDir, 'pgdata'))) {
        try {
          cal = await withDatabase(async ({ db }) => (await currentCalendar(db))?.calendar ?? officialCalendar())
        } catch (error) {
          if (!(error instanceof DataDirLockedError) && !/calendar_versions/.test(String((error as Error).message))) throw error
          process.stderr.write('（无法读取数据库中的日历，改用随程序发布的官方日历计算）\n')
        }
      }
      const answer = explainDueDate(cal, { from: opts.from, days: opts.days === undefined ? undefined : Number(opts.days), regime: opts.regime })
      print(answer.due)
      print(`${answer.regime.title}：${answer.days} 个工作日${answer.provisional ? `（暂定：${answer.missingYears.join('、')} 年放假安排尚未录入）` : ''}；日历 ${answer.calendarVersion}`)
      for (const line of answer.trace.lines) print(`  ${line}`)
    })

  const audit = program.command('audit').description('审计日志')
  audit.command('verify').description('校验审计日志的 SM3 哈希链（发现被修改、插入或删除的记录）').action(async () => {
    const result = await withDatabase(({ db }) => verifyAuditChain(db))
    if (result.ok) {
      print(`审计日志完整：已校验 ${result.checked} 条记录，哈希链无断裂。`)
    } else {
      print(`审计日志被篡改：已校验 ${result.checked} 条记录，发现 ${result.problems.length} 处问题：`)
      for (const p of result.problems.slice(0, 50)) print(`  第 ${p.seq} 条：${p.problem}`)
      process.exitCode = 1
    }
  })

  return program
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv)
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode
      return
    }
    const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error)
    process.stderr.write(`错误：${message}\n`)
    process.exitCode = 1
  }
}
