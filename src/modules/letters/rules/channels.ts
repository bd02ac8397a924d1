/**
 * 渠道: where a citizen's letter or call came in. One case model for all of them (issue 6); the channel decides the
 * reply limit and how the case is reported. The seed (开州区2017年年报 第二部分第4点) reports 区长公开信箱, 市长信箱 and
 * 市长公开电话 cases passed down, 区长公开电话 (52012345) and the 114阳光政务 line.
 */
export type ChannelKey = 'district_mailbox' | 'department_mailbox' | 'mayor_mailbox' | 'mayor_hotline' | 'district_hotline' | 'sunshine_114'

export interface Channel {
  readonly key: ChannelKey
  readonly label: string
  /** letter: written on the portal; call: registered by a hotline operator. */
  readonly medium: 'letter' | 'call'
  /** Passed down (转办) from the city: its cases come with the city's reply limit. */
  readonly passedDown: boolean
  /** Whether the public can write through this channel on the portal. */
  readonly publicForm: boolean
}

export const CHANNELS: Readonly<Record<ChannelKey, Channel>> = Object.freeze({
  district_mailbox: { key: 'district_mailbox', label: '区长公开信箱', medium: 'letter', passedDown: false, publicForm: true },
  department_mailbox: { key: 'department_mailbox', label: '部门信箱', medium: 'letter', passedDown: false, publicForm: true },
  mayor_mailbox: { key: 'mayor_mailbox', label: '市长信箱转办', medium: 'letter', passedDown: true, publicForm: false },
  mayor_hotline: { key: 'mayor_hotline', label: '市长公开电话转办', medium: 'call', passedDown: true, publicForm: false },
  district_hotline: { key: 'district_hotline', label: '区长公开电话', medium: 'call', passedDown: false, publicForm: false },
  sunshine_114: { key: 'sunshine_114', label: '114阳光政务', medium: 'call', passedDown: false, publicForm: false },
})

export const CHANNEL_KEYS = Object.keys(CHANNELS) as ChannelKey[]

export function isChannel(value: string): value is ChannelKey {
  return Object.hasOwn(CHANNELS, value)
}

/** Channels a hotline operator registers calls for. */
export const CALL_CHANNELS = CHANNEL_KEYS.filter((k) => CHANNELS[k].medium === 'call')
/** Channels the 公开办 registers letters passed down from the city for. */
export const REGISTERED_CHANNELS = CHANNEL_KEYS.filter((k) => !CHANNELS[k].publicForm)
