/**
 * A point in time: a Date, or the ISO 8601 string that long lists answer with instead (a Date per
 * time was a sixth of serving a queue page; see db/iso-time.ts).
 */
export type Instant = Date | string;

export const millis = (at: Instant): number => (typeof at === "string" ? Date.parse(at) : at.getTime());
