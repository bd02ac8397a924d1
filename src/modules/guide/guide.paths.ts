/** URL builders of the guide module (back office and the public guide pages). */
export const guidePaths = {
  settingsList: () => '/admin/disclosure-guides',
  settings: (organisationId: number) => `/admin/disclosure-guides/${organisationId}`,
  /** The region-level 指南 index. */
  publicIndex: () => '/xxgk/zhinan',
  publicUnit: (code: string) => `/xxgk/zhinan/${code}`,
}
