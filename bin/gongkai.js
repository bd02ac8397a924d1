#!/usr/bin/env node
// The gongkai command. TypeScript runs through tsx's loader (no build step, no install script).
import { register } from 'tsx/esm/api'

register()
const { runCli } = await import('../src/cli.ts')
await runCli(process.argv)
