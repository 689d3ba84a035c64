/**
 * One run of the daily automation (or "send digest now"): the reminders that are due, then the
 * weekly digest, each email recorded in the sent sheet right after it goes.
 *
 * Exactly once: a run sends only what is due and not recorded, and records each email at once
 * (one append, made durable, per email). The residual window is the time between an email
 * leaving and its record: a run killed exactly there sends that one email again next run. Runs
 * stop starting emails after the time budget, well before Apps Script's kill, so the one kill
 * Uptake can foresee never falls inside the window; if writing the record fails, it is kept in
 * the store and written first thing next run.
 */
import { dayOfInstant, dayToIso, type Day } from '../base/dates';
import { plural } from '../base/text';
import type { EmailContent } from '../mail/email';
import { outstandingMilestones, planReminders, type ReminderPlan } from '../programme/reminders';
import { settledTurns } from './settled-turns';
import { writeSixWeekWaiting } from './six-week-waiting';
import { planProgramme } from '../programme/replacement-plan';
import { replacedBy, type ProgrammeRecord } from '../programme/replacement';
import {
  readProgramme,
  withBaseline,
  withSessions,
  writeFailedToStart,
  writeProgramme,
  writeSessions,
} from './programme-store';
import { advisedAudits } from './advised-audits';
import type { SentIndex } from '../programme/sent-records';
import { digestDraft, stamp, localTimestamp, type RecordDraft } from '../programme/sent-row';
import { digestContent } from './digest-content';
import {
  afterReport,
  failedBefore,
  failureLine,
  hashText,
  loadFailureBook,
  MAX_SEND_ATTEMPTS,
  noteFailure,
  noteSent,
  saveFailureBook,
  type Failure,
  type FailureBook,
} from './failures';
import { errorMessage, isQuotaError, QUOTA_USED_UP } from './mail-rules';
import { isSetupProblem, type RunPorts, type RunSetup, type SetupProblem, type TeamView } from './ports';
import { digestAudiences, digestBatches, latestDigestDay, scheduledDigestDue, withinTimeBudget } from './schedule';
import { lastRunOf, missedRunDone, setupProblemEmail } from './run-report';
import {
  clearPending,
  clipped,
  KEYS,
  readJson,
  readPending,
  shrinkToFit,
  writeJson,
  writePending,
  type MissedRun,
  type Store,
  type StoredProblem,
} from './store';

/** The set-up problem of a programme too big to store: it stops the programme, not the run. */
const PROGRAMME_TOO_BIG = 'programme-too-big';

/**
 * Forgets the set-up problem of a programme that could not start, when a new start has replaced
 * it: Check set-up no longer says "could not start" of the programme now running.
 */
export function forgetProgrammeTooBig(store: Store): void {
  if (readJson<StoredProblem | null>(store, KEYS.problem, null)?.code === PROGRAMME_TOO_BIG) store.remove(KEYS.problem);
}

export type SendResult = 'sent' | 'failed' | 'stopped';

/**
 * What a run without document properties says of the programme, each run (it freezes the
 * baseline again every time, in memory). Its own emails, digest and actions are right: they read
 * each participant's session from the Interventions sheet, and the second-session warning from the
 * interventions too, never from the record. What it cannot do is keep a session day in the record
 * for My week (the copy holds no names, rules §19): a session that reached the Interventions sheet
 * other than through Record an intervention (which keeps it at once) stays unknown to a participant
 * who cannot read that sheet, and My week tells them their session is still to come, until a run
 * with document properties keeps it. The owner reads so in the run's report (tested in
 * test/roles/my-week-programme.test.ts), where a run with document properties says the programme
 * started, once. Short: such a run's report lines are kept to 128 bytes (its mirror's values
 * hold 1 KB, run-report.ts).
 */
const COPY_ONLY_LINE =
  'Replacement programme: no document properties in this run, so My week may show a held session as still to come.';

/** One run's work: its clock, its report, and the rule "record right after each send". */
export class DailyRun {
  readonly report: string[] = [];
  readonly today: Day;
  private readonly startedAt: number;
  private stopReason: string | null = null;
  /** Why the run could do nothing at all, for the sidebar's problems. */
  private problem: string | null = null;
  private waiting = 0;
  private sent: SentIndex | null = null;
  /**
   * The failure book as this run last read or wrote it: read once, not again for each email (the
   * run holds the lock, so nothing else writes it meanwhile); null when it must be read.
   */
  private failureBook: FailureBook | null = null;

  constructor(
    private readonly ports: RunPorts,
    private readonly setup: RunSetup,
  ) {
    this.startedAt = ports.clock.now();
    this.today = dayOfInstant(this.startedAt, setup.timeZone);
  }

  private get store(): Store {
    return this.ports.store;
  }

  /** The scheduled run: everything due today. Stores its report; rethrows what it could not handle. */
  run(readTeam: () => TeamView | SetupProblem): void {
    try {
      const missed = readJson<MissedRun | null>(this.store, KEYS.missed, null);
      if (missed) {
        this.report.push(missedRunDone(missed));
        this.store.remove(KEYS.missed);
      }
      this.work(readTeam);
    } catch (error) {
      this.report.push(
        `The daily run stopped on an error: ${errorMessage(error)}. What was not recorded is sent next run.`,
      );
      throw error;
    } finally {
      this.finish();
    }
  }

  private work(readTeam: () => TeamView | SetupProblem): void {
    if (!this.setup.owner) {
      this.problem =
        'Uptake does not know whom to email: set the owner email in Settings (or turn automation on again).';
      this.report.push(this.problem);
      return;
    }
    this.openSentLog();
    if (this.cannotRecord()) return;
    const team = readTeam();
    if (isSetupProblem(team)) {
      this.reportSetupProblem(team);
      return;
    }
    const rosterRead = this.store.get(KEYS.roster);
    if (!team.rosterSheetName && rosterRead) {
      // Found by its name alone, a roster renamed or deleted would stop every reminder without a word.
      this.reportSetupProblem({
        code: 'roster-missing',
        message:
          `The roster sheet "${rosterRead}" that the daily run read before is gone (deleted or renamed), so no programme reminders can be sent. ` +
          'Restore it, or choose the roster sheet in Settings; if you removed it on purpose, turn automation off and on again.',
      });
      return;
    }
    if (team.rosterSheetName && team.rosterSheetName !== rosterRead) this.store.set(KEYS.roster, team.rosterSheetName);
    const programme = this.programmeOf(team);
    if (programme !== 'too big') this.store.remove(KEYS.problem);

    const book = this.failures();
    const running = programme === 'too big' || programme === null ? null : this.keepSessions(programme, team);
    const replaced = replacedBy(running, this.today);
    const plan = planReminders({
      replaced,
      roster: team.roster,
      today: this.today,
      sent: this.sent!,
      ownerEmail: this.setup.owner,
      settings: this.setup.settings,
      auditAt: advisedAudits(team.audits, team.interventions),
      historyAt: team.history,
      notesOf: team.notes,
      spreadsheetUrl: this.setup.spreadsheetUrl,
      failedBefore: (draft) => failedBefore(book, draft),
      form: team.form,
    });
    this.sendReminders(plan);
    if (running) this.sendProgramme(running, team, (draft) => failedBefore(book, draft));
    // For the sidebar's timeline, which does not read the sent sheet.
    writeSixWeekWaiting(this.store, this.today, outstandingMilestones(team.roster, this.today, this.sent!, replaced));

    const digestDay = latestDigestDay(this.today, this.setup.settings.digestWeekday);
    if (scheduledDigestDue(this.today, digestDay, this.setup.since))
      this.sendDigest({ ...team, programme: running }, digestDay);
  }

  /**
   * The reminders' emails, each recorded right after it goes, and the milestones settled without
   * one written among their records (settled-turns.ts). A settled record whose turn comes after
   * an email that failed goes with the next; one whose turn this run does not reach (quota or
   * time spent) is not written: the next run settles it again, among the emails that waited.
   */
  private sendReminders(plan: ReminderPlan): void {
    const turns = settledTurns(
      plan.emails.map((email) => email.milestone.name),
      plan.settled,
      (draft, choices) => this.sent!.turnOf(draft, choices),
    );
    let settled: RecordDraft[] = [];
    plan.emails.forEach((email, i) => {
      settled.push(...(turns.get(i) ?? []));
      const what = email.content.subject.replace(/^Uptake: /, '').replace(/ \(late\)$/, '');
      if (this.send([email.to], email.content, email.records, what, settled) !== 'sent') return;
      this.reportSettled(settled);
      settled = [];
      for (const line of email.summary) this.report.push(`Sent ${line} to ${email.to}`);
    });
    settled.push(...(turns.get(plan.emails.length) ?? []));
    if (!settled.length || this.stopReason) return;
    this.record(settled);
    this.reportSettled(settled);
  }

  private reportSettled(drafts: RecordDraft[]): void {
    for (const draft of drafts) this.report.push(`${draft.milestone} for ${draft.member}: ${draft.note}`);
  }

  /**
   * The stored programme, its baseline frozen (and stored) by the first run from its start on.
   * One too big to store is a set-up problem: shown under Check set-up, the owner emailed once.
   */
  private programmeOf(team: TeamView): ProgrammeRecord | null | 'too big' {
    const store = this.ports.programme ?? this.store;
    const stored = readProgramme(store);
    if (!stored) return null;
    const programme = withBaseline(stored, team.audits, this.today);
    if (programme === stored) return programme;
    try {
      writeProgramme(store, programme);
    } catch (error) {
      writeFailedToStart(store, stored, this.today);
      this.reportSetupProblem({
        code: PROGRAMME_TOO_BIG,
        message: `The replacement programme set for ${programme.start} could not start: ${errorMessage(error)}`,
      });
      return 'too big';
    }
    this.report.push(
      this.ports.programmeCopyOnly
        ? COPY_ONLY_LINE
        : `Replacement programme started on ${programme.start}: baseline frozen (the week ending ${programme.baseline!.asOf}).`,
    );
    return programme;
  }

  /**
   * Keeps each participant's session day in the programme's record, where a member's My week
   * reads it (the interventions may be the owner's alone, rules §19); written only when one changed.
   */
  private keepSessions(programme: ProgrammeRecord, team: TeamView): ProgrammeRecord {
    const view = team.interventions?.(this.today);
    if (!view) return programme;
    const kept = withSessions(programme, view.interventions, this.today);
    if (kept !== programme) writeSessions(this.ports.programme ?? this.store, kept);
    return kept;
  }

  /** The replacement programme's milestones due today (spec §17), through the same sent sheet. */
  private sendProgramme(programme: ProgrammeRecord, team: TeamView, retried: (draft: RecordDraft) => boolean): void {
    const plan = planProgramme({
      programme,
      roster: team.roster,
      today: this.today,
      sent: this.sent!,
      ownerEmail: this.setup.owner,
      settings: this.setup.settings,
      auditAt: advisedAudits(team.audits, team.interventions),
      sessionsAt: (asOf) => team.interventions?.(asOf).interventions ?? [],
      notesOf: team.notes,
      spreadsheetUrl: this.setup.spreadsheetUrl,
      failedBefore: retried,
      form: team.form,
    });
    if (plan.settled.length) {
      this.record(plan.settled);
      for (const draft of plan.settled) this.report.push(`${draft.milestone}: ${draft.note}`);
    }
    for (const email of plan.emails) {
      const what = email.summary.join(', ');
      const result = this.send([email.to], email.content, email.records, what);
      if (result === 'sent') for (const line of email.summary) this.report.push(`Sent ${line} to ${email.to}`);
    }
  }

  /** The sent sheet, with any records a previous run could not write written first. */
  openSentLog(): void {
    this.sent = this.ports.sent.read();
    // Kept records wait, like everything else, for a run that can write the sheet.
    if (!this.sent.recordingProblem) this.writeKeptRecords();
  }

  /**
   * A run that cannot record sends nothing it would record (sent-records.ts, recordingProblem):
   * said in its report and, when the sheet itself is the problem, emailed to the owner once.
   */
  private cannotRecord(): boolean {
    const problem = this.sent!.recordingProblem;
    if (!problem) return false;
    if (this.sent!.unreadable) this.reportSetupProblem({ code: 'sent-key', message: problem });
    else {
      this.problem = problem;
      this.report.push(problem);
    }
    return true;
  }

  /**
   * The scheduled digest (or "send now") to every recipient who has not had this digest day's:
   * the owner alone first (their copy lists the problems), then the others in batches.
   * Returns how many recipients it reached.
   */
  sendDigest(team: TeamView, digestDay: Day): number {
    const sent = this.sent!;
    if (sent.recordingProblem) {
      this.stopReason ??= sent.recordingProblem;
      return 0;
    }
    const { settings, owner, onRequest } = this.setup;
    const audiences = digestAudiences(settings, owner);
    const owed = (recipients: string[]) =>
      onRequest ? recipients : recipients.filter((r) => !sent.hasDigest(digestDay, r));
    const failures = readJson<Failure[]>(this.store, KEYS.failures, []);
    let delivered = 0;
    for (const batch of digestBatches(owner, { named: owed(audiences.named), aggregate: owed(audiences.aggregate) })) {
      const content = digestContent(
        team,
        { ...this.setup, owner: owner.toLowerCase() },
        {
          digestDay,
          sentDay: this.today,
          named: batch.version === 'named',
          problems: batch.forOwner ? failures.map(failureLine) : [],
          sent,
        },
      );
      const note = `${batch.version === 'named' ? 'Named' : 'Aggregate'} digest${onRequest ? ', sent on request' : ''}`;
      // "Send now" on the digest weekday counts as that day's digest; on other days its due date is no digest day.
      const drafts = batch.recipients.map((r) => digestDraft(onRequest ? this.today : digestDay, r, note));
      if (this.send(batch.recipients, content, drafts, `the ${batch.version} weekly digest`) !== 'sent') continue;
      delivered += batch.recipients.length;
      this.report.push(`Sent the ${batch.version} weekly digest to ${batch.recipients.join(', ')}`);
      if (batch.forOwner && failures.length) {
        // Reported now: keep only failures that happened after this digest was composed.
        writeJson(this.store, KEYS.failures, afterReport(readJson<Failure[]>(this.store, KEYS.failures, []), failures));
        this.failureBook = null;
      }
    }
    return delivered;
  }

  private reportSetupProblem(error: SetupProblem): void {
    const hash = hashText(`${error.code}|${error.message}`);
    const stored = readJson<StoredProblem | null>(this.store, KEYS.problem, null);
    if (stored?.hash === hash && stored.emailed) {
      this.report.push(`Still waiting for a fix: ${error.message}`);
      return;
    }
    // Stored shortened (the email carries it whole): a header row of pasted text must not overflow the property.
    const problem = shrinkToFit<StoredProblem>(
      {
        hash,
        code: error.code,
        message: clipped(error.message, 2_000),
        emailed: false,
        since: stored?.hash === hash ? stored.since : dayToIso(this.today),
      },
      this.store.valueBytes,
    );
    writeJson(this.store, KEYS.problem, problem);
    const content = setupProblemEmail(error.message, this.setup, error.code === PROGRAMME_TOO_BIG);
    // The problem email is not a programme email: it is remembered in the store, not in the sent sheet.
    const result = this.send([this.setup.owner], content, [], 'Set-up problem email');
    if (result === 'sent') {
      writeJson(this.store, KEYS.problem, { ...problem, emailed: true });
      this.report.push(`Emailed ${this.setup.owner} about a problem: ${error.message}`);
    } else {
      this.report.push(`Problem found (not emailed yet): ${error.message}`);
    }
  }

  /**
   * Sends one email if the time budget and the quota allow, then records it at once, with the
   * `settled` records whose turn it is (sendReminders). A failure is remembered for the owner's
   * next digest and retried next run, up to MAX_SEND_ATTEMPTS.
   */
  send(
    recipients: string[],
    content: EmailContent,
    records: RecordDraft[],
    what: string,
    settled: RecordDraft[] = [],
  ): SendResult {
    if (this.stopReason) {
      this.waiting++;
      return 'stopped';
    }
    if (!withinTimeBudget(this.startedAt, this.ports.clock.now()))
      return this.stop('the run was close to Apps Script’s 6-minute limit');
    const quota = this.ports.mail.remaining();
    if (quota !== null && quota < recipients.length) return this.stop(QUOTA_USED_UP);
    try {
      this.ports.mail.send(recipients, content);
    } catch (error) {
      if (isQuotaError(error)) return this.stop(QUOTA_USED_UP);
      this.failed(recipients, records, what, errorMessage(error));
      return 'failed';
    }
    this.record([...settled, ...records]);
    const before = this.failures();
    this.failureBook = saveFailureBook(this.store, before, noteSent(before, { what, recipients, records }));
    return 'sent';
  }

  private stop(reason: string): SendResult {
    this.stopReason = reason;
    this.waiting++;
    return 'stopped';
  }

  /** Appends records at once, so a later kill cannot undo them; if the sheet refuses, keeps them for the next run. */
  private record(drafts: RecordDraft[]): void {
    if (!drafts.length) return;
    const records = stamp(drafts, this.ports.clock.now(), this.setup.timeZone);
    try {
      this.ports.sent.append(records);
    } catch (error) {
      // The email went: keep its record in the store and write it first thing next run. No
      // further email starts this run, so what is kept stays within the store's 500 KB.
      writePending(this.store, [...readPending(this.store), ...records]);
      this.report.push(`Could not write to the "Uptake sent" sheet (${errorMessage(error)}); kept for the next run.`);
      if (!this.stopReason) this.stopReason = 'the "Uptake sent" sheet could not be written';
    }
    this.sent?.add(drafts);
  }

  private writeKeptRecords(): void {
    const pending = readPending(this.store);
    if (!pending.length) return;
    this.ports.sent.append(pending);
    clearPending(this.store);
    this.sent!.add(pending);
  }

  private failures(): FailureBook {
    return (this.failureBook ??= loadFailureBook(this.store));
  }

  private failed(recipients: string[], records: RecordDraft[], what: string, error: string): void {
    this.report.push(`Failed: ${clipped(what)} to ${clipped(recipients.join(', '), 2_000)}: ${clipped(error)}`);
    const before = this.failures();
    const { book, givenUp } = noteFailure(before, {
      at: localTimestamp(this.ports.clock.now(), this.setup.timeZone),
      what,
      recipients,
      error,
      records,
    });
    this.failureBook = saveFailureBook(this.store, before, book);
    if (givenUp.length) {
      this.record(givenUp);
      const names = givenUp.filter((d) => d.member).map((d) => `${d.milestone} for ${d.member}`);
      this.report.push(
        `Gave up on ${clipped(names.length ? names.join(', ') : what)} to ${clipped(recipients.join(', '), 2_000)} after ${MAX_SEND_ATTEMPTS} attempts; recorded as not sent.`,
      );
    }
  }

  private finish(): void {
    if (this.stopReason)
      this.report.push(
        `Stopped early: ${this.stopReason}. ${plural(this.waiting, 'email waits', 'emails wait')} for the next run.`,
      );
    if (this.setup.onRequest) return;
    const lastRun = lastRunOf(new Date(this.startedAt).toISOString(), this.report, this.problem, this.store.valueBytes);
    writeJson(this.store, KEYS.lastRun, lastRun);
  }

  /** Why this run cannot record, so sends nothing (openSentLog first); null when it can. */
  get recordingProblem(): string | null {
    return this.sent?.recordingProblem ?? null;
  }

  get stoppedBecause(): string | null {
    return this.stopReason;
  }
}
