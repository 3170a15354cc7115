/**
 * Deployment windows in IANA time zones, evaluated with Intl so DST changes follow the zone's
 * rules. A window whose end is not after its start spans midnight: it belongs to the day it starts.
 */
import type { DeployWindow, Weekday } from './types';

export const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Local weekday and minutes since midnight of `at` in `timeZone`. */
export function localTime(at: Date, timeZone: string): { day: Weekday; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  const day = get('weekday').toLowerCase().slice(0, 3) as Weekday;
  return { day, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function previousDay(d: Weekday): Weekday {
  return WEEKDAYS[(WEEKDAYS.indexOf(d) + 6) % 7]!;
}

export function inWindow(w: DeployWindow, at: Date): boolean {
  const { day, minutes: now } = localTime(at, w.timeZone);
  const start = minutes(w.start);
  const end = minutes(w.end);
  if (start < end) return w.days.includes(day) && now >= start && now < end;
  // Spans midnight: the evening part on a listed day, the early part on the day after one.
  return (w.days.includes(day) && now >= start) || (w.days.includes(previousDay(day)) && now < end);
}

export interface WindowCheck {
  allowed: boolean;
  message: string;
}

export function describeWindow(w: DeployWindow): string {
  return `${w.days.join(',')} ${w.start}-${w.end} ${w.timeZone}`;
}

/** No windows configured means deploys are allowed at any time. */
export function checkWindows(windows: readonly DeployWindow[], at: Date): WindowCheck {
  if (windows.length === 0) return { allowed: true, message: 'no deployment windows configured' };
  const open = windows.find((w) => inWindow(w, at));
  if (open) return { allowed: true, message: `inside the deployment window ${describeWindow(open)}` };
  return {
    allowed: false,
    message: `outside every deployment window (${windows.map(describeWindow).join('; ')}); now is ${at.toISOString()}`,
  };
}
