// The letters wing's rules as data: channels, categories, 受理范围, 办理时限, the case workflow, ratings and routing.
export * from './channels.ts'
export * from './categories.ts'
export * from './acceptance.ts'
export * from './reply-limits.ts'
export * from './ratings.ts'
export * from './case-workflow.ts'
export * from './routing.ts'
