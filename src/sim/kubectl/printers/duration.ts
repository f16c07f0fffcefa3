// ages as kubectl prints them: apimachinery's duration.HumanDuration and the printers'
// translateTimestampSince, which turn "now minus a timestamp" into 5s, 3m20s, 4h, 2d5h, 3y10d

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Go converts with int(), which truncates toward zero; durations are whole nanoseconds there */
const trunc = (n: number): number => Math.trunc(n);

/**
 * HumanDuration: about two significant figures. A clock skew of up to a second in the future
 * still reads as 0s (Go allows `seconds == -1`), anything further ahead is `<invalid>`.
 */
export function humanDuration(ms: number): string {
  const seconds = trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;

  const minutes = trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = trunc(ms / SECOND) % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;

  const hours = trunc(ms / HOUR);
  if (hours < 8) {
    const m = trunc(ms / MINUTE) % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    const days = trunc(hours / 24);
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = trunc(hours / 24) % 365;
    const years = trunc(hours / 24 / 365);
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${trunc(hours / 24 / 365)}y`;
}

/** RFC 3339 to epoch ms; undefined stands for Go's zero time (unset or unparsable) */
export function parseTime(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** translateTimestampSince: `<unknown>` for a zero timestamp, otherwise the age at `now` */
export function age(timestamp: string | null | undefined, now: number): string {
  const ms = parseTime(timestamp);
  return ms === undefined ? '<unknown>' : humanDuration(now - ms);
}

/** the same from epoch ms, for callers that already compared timestamps */
export function ageOf(ms: number | undefined, now: number): string {
  return ms === undefined ? '<unknown>' : humanDuration(now - ms);
}
