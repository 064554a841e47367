/**
 * `pretty.Ago` as pachctl prints it: docker/go-units HumanDuration plus " ago", so an inspect document reads like
 * `pachctl inspect secret` ("11 seconds ago", "About an hour ago", "3 days ago").
 */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const minutes = Math.floor(ms / 60_000);
  const hours = Math.round(ms / 3_600_000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(Math.floor(ms / 3_600_000) / 24 / 365)} years`;
}

export function ago(timestamp: string | undefined, now: Date = new Date()): string {
  if (!timestamp) return 'unknown';
  const t = Date.parse(timestamp);
  if (Number.isNaN(t)) return 'unknown';
  return `${humanDuration(Math.max(0, now.getTime() - t))} ago`;
}
