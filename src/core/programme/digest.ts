/**
 * The weekly digest (spec §11): the headline first, then categories against last week, who
 * needs follow-up and why, milestones in the coming week, top edit types.
 *
 * Two versions. The named one goes to the owner (and to the extra recipients when the owner
 * chooses). The aggregate one, the default for extra recipients, names nobody and shows no
 * figure over fewer than MIN_GROUP people: it is built from team counts only, never from the
 * audit's evidence strings, which may contain names.
 */
import { dayToIso, dayToLabel, isoToDay, type Day } from '../base/dates';
import { percent, plural } from '../base/text';
import { CATEGORIES, EDIT_TYPES, type EditType } from '../base/types';
import { adviceLine, adviceStatus } from '../audit/advice-wording';
import type { Audit, Finding } from '../audit/audit-types';
import { renderEmail, type EmailBlock, type EmailContent } from '../mail/email';
import { milestoneSpec } from './milestones';
import { actionLine, type WeekAction } from './actions';
import { peerInviteLine, peerInvitees, type PeerInvitees } from './peer-advocacy';
import type { UpcomingMilestone } from './reminders';
import { adoptersOf } from './milestone-emails';
import { interventionDigestBlocks } from '../interventions/digest';
import type { InterventionsView } from '../interventions/view';

/** No breakdown over fewer people than this in the aggregate digest. */
export const MIN_GROUP = 5;

import type { History } from '../history/history-types';
import { historyDigestBlocks } from './digest-history';

/** Whom the programme's S + 14 email invites, and the week it reads ("the week Mon … to Sun …"). */
export interface ProgrammePeers {
  invitees: PeerInvitees;
  week: string;
}

export interface DigestInput {
  /** The audit of the week the digest covers (as-of = the day before the digest day, 1 week). */
  current: Audit;
  /** The week before, for the changes. */
  previous: Audit;
  /** Milestones falling due in the coming week. */
  upcoming: UpcomingMilestone[];
  named: boolean;
  /** Problems for the owner (failed emails, set-up problems); only the owner's version shows them. */
  problems: string[];
  spreadsheetUrl: string;
  /** The digest day (the weekday in Settings) and the day it is sent. */
  digestDay: Day;
  sentDay: Day;
  /** "Send digest now": not the scheduled one, so never called late. */
  onRequest?: boolean;
  /** The Interventions sheet as of the digest's last day, when the spreadsheet has one. */
  interventions?: InterventionsView;
  /** The trend, cohorts and transitions as of the digest's last day (rules §13). */
  history?: History;
  /** This week's three actions (rules §18): the named digest shows them first. */
  actions?: WeekAction[];
  /** The replacement programme's line while it runs (spec §17). */
  programmeLine?: string | null;
  /** The programme's peer advocacy moment when its email goes out the morning of the digest (rules §17). */
  programmePeers?: ProgrammePeers | null;
  /** The logging form's address (rules §16): the digest ends with it, when the spreadsheet has one. */
  formUrl?: string | null;
}

function change(now: number, before: number): string {
  const delta = now - before;
  return delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : 'no change';
}

/** "(last week 36%, no change)", "(last week 80%, −9 points)": one bracket group. */
function lastWeek(now: number | null, before: number | null): string {
  if (now === null || before === null) return `(last week ${percent(before)})`;
  const delta = Math.round(now * 100) - Math.round(before * 100);
  return `(last week ${percent(before)}, ${delta === 0 ? 'no change' : `${delta > 0 ? '+' : '−'}${plural(Math.abs(delta), 'point')}`})`;
}

export function topEditTypes(counts: Record<EditType, number>, limit = 3): EditType[] {
  return EDIT_TYPES.filter((t) => counts[t] > 0)
    .sort((a, b) => counts[b] - counts[a] || EDIT_TYPES.indexOf(a) - EDIT_TYPES.indexOf(b))
    .slice(0, limit);
}

function categorySection(input: DigestInput, breakdown: boolean): EmailBlock[] {
  const { current, previous } = input;
  const heading: EmailBlock = { kind: 'heading', text: 'Adoption against last week' };
  if (!breakdown) {
    return [
      heading,
      {
        kind: 'paragraph',
        text: `Fewer than ${MIN_GROUP} members are in scope, so this version of the digest shows no breakdown by category.`,
      },
    ];
  }
  const t = current.team;
  const p = previous.team;
  return [
    heading,
    {
      kind: 'table',
      head: ['Category', 'This week', 'Last week', 'Change'],
      rows: CATEGORIES.map((c) => [
        c,
        String(t.categories[c]),
        String(p.categories[c]),
        change(t.categories[c], p.categories[c]),
      ]),
    },
    {
      kind: 'list',
      items: [
        `Adoption rate: ${percent(t.adoptionRate)} of ${plural(t.membersInScope, 'member')} in scope ${lastWeek(t.adoptionRate, p.adoptionRate)}.`,
        `Training completion: ${percent(t.trainingCompletionRate)}; gap to adoption: ${t.gap === null ? '–' : `${Math.round(t.gap * 100)} points`}.`,
        `Blended acceptance rate: ${percent(t.blendedAcceptanceRate)} ${lastWeek(t.blendedAcceptanceRate, p.blendedAcceptanceRate)}.`,
      ],
    },
  ];
}

function followUpSection(input: DigestInput, breakdown: boolean): EmailBlock[] {
  const heading: EmailBlock = { kind: 'heading', text: 'Who needs follow-up and why' };
  const needing = input.current.members.filter((m) => m.followUp.length > 0);
  if (!input.named) {
    if (!breakdown) return [];
    return [
      heading,
      {
        kind: 'paragraph',
        text: `${needing.length} of ${plural(input.current.team.membersInScope, 'member')} in scope ${needing.length === 1 ? 'needs' : 'need'} follow-up this week; the programme owner has the details.`,
      },
    ];
  }
  if (!needing.length)
    return [
      heading,
      {
        kind: 'paragraph',
        text: 'Nobody: every member in scope is a Genuine adopter at or above the acceptance target.',
      },
    ];
  return [
    heading,
    {
      kind: 'list',
      items: needing.map((m) => {
        const open = m.diagnosis.find((f) => f.addressed === null);
        const suggestion = open ? ` Suggested: ${open.step}` : '';
        return `${m.member}: ${m.followUp.join('; ')}.${suggestion}`;
      }),
    },
  ];
}

/**
 * The named digest's peer advocacy invitation, when cause 5 is open or a day-14 moment is in its
 * list: the same names as the day-14 email of the same morning (peer-advocacy.ts).
 */
function peerInviteBlocks(input: DigestInput): EmailBlock[] {
  // The programme's moment goes out this morning: it is the meeting, with its email's names.
  if (input.programmePeers)
    return input.named
      ? [{ kind: 'paragraph', text: peerInviteLine(input.programmePeers.invitees, input.programmePeers.week) }]
      : [];
  // A late day 14 that a later owner milestone of the member supersedes this morning is named in
  // that email, not invited (reminders.ts's catch-up policy): it is no one's moment.
  const sentDay = dayToIso(input.sentDay);
  const superseded = (member: string) =>
    input.upcoming.some(
      (r) =>
        r.member === member &&
        !r.programme &&
        r.milestoneDay > 14 &&
        milestoneSpec(r.milestoneDay)?.recipient === 'owner' &&
        r.dueDate <= sentDay,
    );
  const moment = input.upcoming
    .filter((r) => !r.programme && r.milestoneDay === 14 && !superseded(r.member))
    .map((r) => r.member);
  const causeOpen = input.current.diagnosis.some((f) => f.code === 'no-peer-advocacy' && f.addressed === null);
  if (!input.named || (!causeOpen && !moment.length)) return [];
  const asOf = isoToDay(input.current.asOf)!;
  const week = `the week ${dayToLabel(isoToDay(input.current.windowStart)!)} to ${dayToLabel(asOf)}`;
  return [{ kind: 'paragraph', text: peerInviteLine(peerInvitees(input.current, moment), week) }];
}

function milestoneSection(input: DigestInput): EmailBlock[] {
  const heading: EmailBlock = { kind: 'heading', text: 'Programme milestones in the coming week' };
  const rows = input.upcoming;
  if (!rows.length) return [heading, { kind: 'paragraph', text: 'None.' }, ...peerInviteBlocks(input)];
  if (!input.named) {
    // Days 7 and 21 go to the member's follow-up owner (spec §8); no address is named here.
    const toFollowUpOwners = rows.some((r) =>
      r.programme
        ? r.milestone.startsWith('Day-seven')
        : milestoneSpec(r.milestoneDay)?.recipient === 'follow-up owner',
    );
    const to = toFollowUpOwners ? 'the programme owner and the follow-up owners' : 'the programme owner';
    return [
      heading,
      {
        kind: 'paragraph',
        text: `${plural(rows.length, 'programme milestone')} fall${rows.length === 1 ? 's' : ''} due; the reminders go to ${to}.`,
      },
    ];
  }
  return [
    heading,
    {
      kind: 'table',
      head: ['Due', 'Member', 'Milestone', 'Reminder to'],
      rows: rows.map((r) => [
        r.late ? `${dayToLabel(isoToDay(r.dueDate)!)} (overdue, not sent yet)` : dayToLabel(isoToDay(r.dueDate)!),
        r.member || 'the team',
        r.milestone,
        r.recipient,
      ]),
    },
    ...peerInviteBlocks(input),
  ];
}

function editTypeSection(input: DigestInput): EmailBlock[] {
  const now = input.current.team.editTypes;
  const before = input.previous.team.editTypes;
  const top = topEditTypes(now);
  // The total first, as the sidebar's edit-type chart counts it: the top three alone add up to less.
  const total = EDIT_TYPES.reduce((sum, t) => sum + now[t], 0);
  const lastWeekTotal = EDIT_TYPES.reduce((sum, t) => sum + before[t], 0);
  return [
    { kind: 'heading', text: 'Top edit types' },
    ...(top.length
      ? [
          {
            kind: 'paragraph',
            text: `${plural(total, 'edit type')} recorded on light or heavy edits this week (last week ${lastWeekTotal}); the most frequent:`,
          } as EmailBlock,
          { kind: 'list', items: top.map((t) => `${t}: ${now[t]} (last week ${before[t]})`) } as EmailBlock,
        ]
      : [{ kind: 'paragraph', text: 'No edits recorded this week.' } as EmailBlock]),
  ];
}

function workflowSection(input: DigestInput): EmailBlock[] {
  const below = input.current.workflows.filter((w) => w.belowTarget);
  if (!below.length) return [];
  const shown = input.named ? below : below.filter((w) => w.members >= MIN_GROUP);
  const hidden = below.length - shown.length;
  const items = shown.map(
    (w) =>
      `${w.workflow}: ${percent(w.acceptanceRate)} accepted over ${plural(w.runs, 'run')} by ${plural(w.members, 'member')}`,
  );
  if (hidden) items.push(`${plural(hidden, 'workflow')} used by fewer than ${MIN_GROUP} people (not detailed here)`);
  return [
    {
      kind: 'heading',
      text: `Workflows below the ${percent(input.current.settings.acceptanceTarget)} acceptance target`,
    },
    { kind: 'list', items },
  ];
}

/** This week's three actions, named digest only: who does what, by when. */
function actionSection(input: DigestInput): EmailBlock[] {
  if (!input.named || !input.actions) return [];
  const date = (iso: string) => dayToLabel(isoToDay(iso)!);
  return [
    { kind: 'heading', text: 'This week’s three actions' },
    input.actions.length
      ? { kind: 'list', items: input.actions.map((a) => actionLine(a, date)) }
      : { kind: 'paragraph', text: 'Nothing overdue and no open cause.' },
  ];
}

/** Team-level suggestions. The aggregate version rebuilds them from counts: evidence may name people. */
function suggestionSection(input: DigestInput, breakdown: boolean): EmailBlock[] {
  const teamFindings = input.current.diagnosis.filter((f: Finding) => !f.member);
  let items: string[];
  if (input.named) {
    items = teamFindings.map((f) =>
      f.addressed
        ? `${f.cause}: ${adviceLine(f)}`
        : `${f.cause}: ${f.step} (${f.evidence.join(' ')})${f.notImprovedAfter ? ` ${adviceLine(f)}` : ''}`,
    );
  } else {
    if (!breakdown) return [];
    const team = input.current.team;
    items = teamFindings.flatMap((f) => {
      if (f.code === 'no-peer-advocacy')
        return [
          f.addressed
            ? `${f.cause}: ${adviceStatus(f)}.`
            : `${f.cause}: ${f.step} (${adoptersOf(team.genuineAdopters, team.membersInScope)}.)`,
        ];
      return [];
    });
  }
  return items.length
    ? [
        { kind: 'heading', text: 'Suggestions for the team' },
        { kind: 'list', items },
      ]
    : [];
}

export function digestSubject(input: Pick<DigestInput, 'current' | 'digestDay' | 'sentDay' | 'onRequest'>): string {
  const asOf = isoToDay(input.current.asOf)!;
  const late = !input.onRequest && input.sentDay > input.digestDay ? ` (late: due ${dayToLabel(input.digestDay)})` : '';
  return `Uptake weekly digest: the week to ${dayToLabel(asOf)}${late}`;
}

/**
 * The log against the tools' usage exports (rules §15): the named digest has a line per member not
 * logging or under-logging, with what the export says; the aggregate one counts only, over
 * MIN_GROUP members or more.
 */
function usageDigestSection(input: DigestInput): EmailBlock[] {
  const usage = input.current.usage;
  if (!usage) return [];
  const heading: EmailBlock = { kind: 'heading', text: 'The log against the tools’ usage exports' };
  const gaps = usage.members.filter((m) => m.status === 'not logging' || m.status === 'under-logging');
  const a = usage.usageAdopters;
  const adopters =
    a.known === 0
      ? 'No export gives active days: no usage adopters to count.'
      : `Usage adopters ${percent(a.rate)} (${a.adopters} of ${a.known} with active days known), beside the log’s adoption rate ${percent(input.current.team.adoptionRate)}.`;
  if (!input.named) {
    if (usage.members.length < MIN_GROUP) return [];
    const count = (status: string) => usage.members.filter((m) => m.status === status).length;
    // Counts only, and each count over MIN_GROUP members or more: the usage adopters are counted
    // over the members with active days known, which may be fewer than those in scope.
    const adopterCount =
      a.known >= MIN_GROUP
        ? ` Usage adopters: ${a.adopters} of the ${a.known} members whose active days an export gives.`
        : '';
    return [
      heading,
      {
        kind: 'paragraph',
        text: `Of ${usage.members.length} members in scope: ${count('not logging')} not logging, ${count('under-logging')} under-logging, ${count('no usage data')} with no usage data for the last two weeks.${adopterCount}`,
      },
    ];
  }
  return [
    heading,
    { kind: 'paragraph', text: adopters },
    gaps.length
      ? {
          kind: 'list',
          items: gaps.map((m) => {
            const lines = m.periods.flatMap((p, i) =>
              p.status === 'not logging' || p.status === 'under-logging' ? [m.lines[i]] : [],
            );
            return `${m.member}, ${m.status}: ${lines.join('; ')}.`;
          }),
        }
      : { kind: 'paragraph', text: 'Nobody the exports name is missing from the log.' },
  ];
}

export function composeDigest(input: DigestInput): EmailContent {
  const { current } = input;
  const breakdown = input.named || current.team.membersInScope >= MIN_GROUP;
  const asOf = isoToDay(current.asOf)!;
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', strong: true, text: current.headline },
    {
      kind: 'paragraph',
      text: `The week ${dayToLabel(isoToDay(current.windowStart)!)} to ${dayToLabel(asOf)}, against the week before.`,
    },
  ];
  if (input.programmeLine) blocks.push({ kind: 'paragraph', text: input.programmeLine });
  if (!input.onRequest && input.sentDay > input.digestDay) {
    blocks.push({
      kind: 'paragraph',
      text: `This digest was due on ${dayToLabel(input.digestDay)}; Uptake’s daily run could not send it then.`,
    });
  }
  blocks.push(
    ...actionSection(input),
    ...categorySection(input, breakdown),
    ...(input.history ? historyDigestBlocks(input.history, input.named) : []),
    ...followUpSection(input, breakdown),
    ...usageDigestSection(input),
    ...milestoneSection(input),
    ...editTypeSection(input),
    ...workflowSection(input),
    ...suggestionSection(input, breakdown),
    ...(input.interventions
      ? interventionDigestBlocks({
          view: input.interventions,
          named: input.named,
          weekStart: isoToDay(current.windowStart)!,
          asOf,
          membersInScope: current.team.membersInScope,
          minGroup: MIN_GROUP,
        })
      : []),
  );
  if (input.named && input.problems.length) {
    blocks.push({ kind: 'heading', text: 'Problems Uptake ran into' }, { kind: 'list', items: input.problems });
  }
  if (input.named && current.skippedRows.length) {
    blocks.push({
      kind: 'paragraph',
      text: `${plural(current.skippedRows.length, 'log row was', 'log rows were')} skipped: open Uptake’s sidebar to see which and why.`,
    });
  }
  blocks.push(
    { kind: 'link', label: 'Open the team’s spreadsheet', url: input.spreadsheetUrl },
    {
      kind: 'paragraph',
      text: input.named
        ? 'This digest names team members: it is for the programme owner.'
        : `This is the aggregate digest: it names nobody and shows no figures for groups of fewer than ${MIN_GROUP} people.`,
    },
  );
  if (input.formUrl)
    blocks.push({ kind: 'link', label: 'Log a run from your phone: the team’s logging form', url: input.formUrl });
  return renderEmail(digestSubject(input), blocks);
}
