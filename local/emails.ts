/**
 * The emails of the simulated days, each with the milestone it is about and the members it
 * names: one list that `reminders.md` and `--json`'s `emails` both print. The milestone and the
 * members come from the rows the daily run wrote to the "Uptake sent" sheet right after each
 * email (spec §8), matched to the email by its recipient and the milestone its subject names.
 */
import { MILESTONES } from '../src/core/programme/milestones';
import { PROGRAMME_MILESTONES } from '../src/core/programme/replacement';
import { dayToIso, isoToDay } from '../src/core/base/dates';
import { DIGEST_MILESTONE, PROGRAMME_RECORD_PREFIX, SENT_HEADERS } from '../src/core/programme/sent-row';

export interface SimulatedEmail {
  /** YYYY-MM-DD in the spreadsheet's zone. */
  day: string;
  recipients: string[];
  subject: string;
  /** The milestone's name (spec §8 or §17), "Weekly digest", or null for a set-up problem email. */
  milestone: string | null;
  /** True for a replacement programme milestone (spec §17). */
  programme: boolean;
  /** The members the email is about, as the sent sheet records them. */
  members: string[];
  body: string;
  /**
   * When the week the email measures (the seven days before it is sent) goes past the as-of date:
   * that the local run invents no runs for those days; null otherwise.
   */
  logNote: string | null;
}

export interface MailOfDay {
  recipients: string[];
  subject: string;
  body: string;
}

/** What the subject says the email is about: the sent sheet's milestone text and the milestone's name. */
function aboutOf(subject: string): { record: string; name: string; programme: boolean } | null {
  const programme = PROGRAMME_MILESTONES.find((m) => subject.startsWith(`Uptake replacement programme: ${m.name}`));
  if (programme) return { record: PROGRAMME_RECORD_PREFIX + programme.name, name: programme.name, programme: true };
  const training = MILESTONES.find((m) => subject.startsWith(`Uptake: ${m.name}`));
  if (training) return { record: training.name, name: training.name, programme: false };
  return null;
}

/**
 * The milestone of the email a sent-sheet row went in: its own, or, for a milestone named in a
 * later one's email (spec §8: "Not sent separately (due …): named in the Six-week measurement
 * email"), that one's.
 */
function emailOf(milestone: string, note: string): string {
  return /^Not sent separately \(due [^)]*\): named in the (.+) email$/.exec(note)?.[1] ?? milestone;
}

/**
 * The note for an email sent on `day` when the week it measures (ending the day before) goes past
 * `asOf`, the run's as-of date (--as-of, or its default). The add-on would read the runs the team
 * logs by then; the local run reads the log as given and invents none, so a figure there counts
 * only what the log already holds. Said of the as-of date, not of the log's last run: a log may
 * end before it (days with no runs are then measured as such) or go past it (those runs are read).
 */
export function logNoteFor(day: string, asOf: string): string | null {
  const lastComplete = isoToDay(day)! - 1;
  const end = isoToDay(asOf)!;
  if (lastComplete <= end) return null;
  const weekStart = lastComplete - 6;
  const week = `${dayToIso(weekStart)} to ${dayToIso(lastComplete)}`;
  if (weekStart > end)
    return `That week (${week}) is after the as-of date, ${asOf}: the local run invents no runs, so its figures count only what the log already holds for it and are not a measurement.`;
  return `The end of that week (${week}), ${dayToIso(end + 1)} to ${dayToIso(lastComplete)}, is after the as-of date, ${asOf}: the local run invents no runs for those days, so its figures count only what the log already holds for them.`;
}

/**
 * The day's emails, in the order sent, with the sent sheet's rows written that day (header
 * excluded). A row belongs to the first email to its recipient whose subject names its
 * milestone (a digest's rows: the digest's recipients).
 */
export function emailsOfDay(day: string, mails: MailOfDay[], rows: string[][], asOf: string): SimulatedEmail[] {
  const at = (name: string) => SENT_HEADERS.indexOf(name);
  const used = new Set<number>();
  return mails.map((mail) => {
    const about = aboutOf(mail.subject);
    const record = about?.record ?? DIGEST_MILESTONE;
    const to = new Set(mail.recipients.map((r) => r.toLowerCase()));
    const members: string[] = [];
    let matched = false;
    rows.forEach((row, i) => {
      if (used.has(i) || emailOf(row[at('Milestone')], row[at('Note')]) !== record) return;
      if (!to.has(row[at('Recipient')].toLowerCase())) return;
      used.add(i);
      matched = true;
      const member = row[at('Team member')];
      if (member && !members.includes(member)) members.push(member);
    });
    return {
      day,
      recipients: mail.recipients,
      subject: mail.subject,
      milestone: about?.name ?? (matched ? DIGEST_MILESTONE : null),
      programme: about?.programme ?? false,
      members,
      body: mail.body,
      // A digest or a milestone measures the week before it; a set-up problem email measures nothing.
      logNote: about || matched ? logNoteFor(day, asOf) : null,
    };
  });
}
