/**
 * The sensitive words (敏感词) checked when an installation configures none: markings that show a document is
 * classified (保密法: 绝密、机密、秘密 are the three levels, and a marked document carries "级别★期限") or meant
 * to stay inside the administration (条例 第十四条 and 第十六条).
 *
 * This is a deliberately short starting point, not the real list. Each installation configures its own list with its
 * 保密 office — local 敏感词 libraries run to thousands of entries, change over time and are themselves not public —
 * and passes it as `sensitiveWords` when scanning.
 *
 * "秘密" alone is not in the list: published rules quote 条例 第十五条 ("涉及商业秘密、个人隐私…") all the time, so
 * only the marking "秘密★" counts. "绝密" and "机密" have no such everyday use on government pages.
 */
export const DEFAULT_SENSITIVE_WORDS: readonly string[] = Object.freeze([
  '绝密',
  '机密',
  '秘密★',
  '涉密',
  '内部资料',
  '内部文件',
  '内部传阅',
  '内部使用',
  '不得外传',
  '严禁外传',
])
