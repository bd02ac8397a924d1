/**
 * 有效性 changes by itself on its date: a document marked 有效 whose 失效日期 has passed reads as 失效
 * (《政府网站发展指引》: 失效、废止 must be marked on the published original). Computed at read time, so no
 * job has to run on the day; 废止 is always an explicit decision.
 */
export function validityOn(validity: string | null, expiresOn: string | null, today: string): string | null {
  if (validity === 'in_force' && expiresOn && expiresOn <= today) return 'expired'
  return validity
}
