/**
 * 住址 in free text: the part of a Chinese address that points at one household — a house number on a road
 * (滨湖路12号), a building, entrance and flat (3栋2单元501室), a village group (齐圣村五组) — with the place names
 * written before it (重庆市开州区汉丰街道). 个人隐私 under 条例 第十五条: a letter published with its reply (选登) must not
 * show where the writer lives.
 *
 * A place name alone (开州区, 汉丰街道, 滨湖路) is public geography and is not a finding; neither are ordinary words
 * that end like a place (道路, 马路上, 街道办事处): a finding needs a number-level part. The masked form keeps the
 * names and hides every numeral ("滨湖路**号*栋*单元***室"), so the reader still sees which road was meant.
 */

/** Arabic digits (full-width already folded) and Chinese numerals. */
const NUM = '[0-9一二三四五六七八九十百千零〇两]+'
// Characters that end a place name when read leftwards: function words and pronouns of a sentence ("我家住在…",
// "他说…", "这条路…"). Without them "我家住在滨湖路12号" would be read as one long place name.
const STOP = '的在住于是到和与及从向往对把被了请我你他她它们家这那有为说条个位近旁边里要想将已也都就还很'
const NAME = `(?:(?![${STOP}])[\\u3400-\\u9fff])`
// Place names before the number-level part: up to 16 characters of names (省/市/区/县/镇/乡/街道 and the road).
const NAMES = `${NAME}{1,16}`
const ROAD = `${NAMES}(?:大道|大街|路|街|巷|胡同|弄|里)(?:[东西南北中一二三四五六七八九十]段)?`
const HOUSE = `${NUM}(?:[-－之]${NUM})?(?:号|號)(?:附${NUM}号)?`
const BUILDING = `${NUM}(?:栋|幢|号楼|座)`
const ENTRANCE = `${NUM}单元`
const FLOOR = `${NUM}(?:楼|层)`
const ROOM = `${NUM}(?:室|号房)|${NUM}(?=[，。,.;；\\s]|$)`
const ESTATE = `${NAMES}(?:小区|花园|苑|公寓|大厦|家园|新村|社区|宿舍|山庄|名都|广场)`
const VILLAGE = `${NAMES}村`
const GROUP = `${NUM}(?:组|社|队)`
const SP = '\\s?'

// Each alternative needs a number-level part:
//   road + house number [+ building] [+ entrance] [+ floor] [+ room];
//   estate + building or house number [+ entrance] [+ room];
//   village + group;
//   building + entrance or entrance + room with no name before them ("3栋2单元501室").
const ADDRESS = new RegExp(
  [
    `${ROAD}${SP}${HOUSE}(?:${SP}${BUILDING})?(?:${SP}${ENTRANCE})?(?:${SP}${FLOOR})?(?:${SP}(?:${ROOM}))?`,
    `${ESTATE}${SP}(?:${BUILDING}|${HOUSE})(?:${SP}${ENTRANCE})?(?:${SP}${FLOOR})?(?:${SP}(?:${ROOM}))?`,
    `${VILLAGE}${SP}${GROUP}`,
    `${BUILDING}${SP}${ENTRANCE}(?:${SP}${FLOOR})?(?:${SP}(?:${ROOM}))?`,
    `${ENTRANCE}${SP}${NUM}(?:室|号房|号)`,
  ].map((a) => `(?:${a})`).join('|'),
  'gu',
)

const NUMERAL = /[0-9一二三四五六七八九十百千零〇两]/g

/** One address found: UTF-16 offsets in the text and the masked form. */
export interface AddressMatch {
  start: number
  end: number
  masked: string
}

/**
 * The addresses in a text (already folded to half-width digits, or not: full-width digits are not read as numbers
 * here, so fold first — scanText does). Non-overlapping, in order.
 */
export function findAddresses(text: string): AddressMatch[] {
  const found: AddressMatch[] = []
  for (const m of text.matchAll(ADDRESS)) {
    const match = m[0].replace(/\s+$/, '')
    if (match === '') continue
    found.push({ start: m.index, end: m.index + match.length, masked: maskAddress(match) })
  }
  return found
}

/** Every numeral replaced by '*', names kept. */
export function maskAddress(address: string): string {
  return address.replace(NUMERAL, '*')
}
