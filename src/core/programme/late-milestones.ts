/**
 * The milestones whose email has not gone yet, for the sidebar's three actions (rules §18),
 * which does not read the "Uptake sent" sheet (it grows for years; the dashboard's calls must
 * not): those that fell due after the last daily run (its day is in the store the dashboard
 * already reads, six-week-waiting.ts), which the next run sends late. The digest uses the sent
 * sheet itself (digest-content.ts).
 */
import type { Day } from '../base/dates';
import { isoToDay } from '../base/dates';
import type { RosterMember } from '../base/types';
import { overdueMilestones, type UpcomingMilestone } from './reminders';
import type { ProgrammeRecord, SessionSource } from './replacement';
import { programmeUpcoming } from './replacement-plan';
import { SentIndex } from './sent-records';

export function dueSinceLastRun(args: {
  roster: RosterMember[];
  programme: ProgrammeRecord | null;
  sessions: SessionSource;
  ownerEmail: string;
  today: Day;
  replaced: (member: RosterMember) => boolean;
  /** The last daily run's day. */
  lastRun: Day;
}): UpcomingMilestone[] {
  const nothingSent = SentIndex.empty();
  const rows = [
    ...overdueMilestones(args.roster, args.today, nothingSent, args.ownerEmail, args.replaced),
    ...programmeUpcoming({ ...args, from: args.today, to: args.today - 1, sent: nothingSent }),
  ];
  return rows.filter((r) => isoToDay(r.dueDate)! > args.lastRun);
}
