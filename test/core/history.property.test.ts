// The one-pass history against the definition read literally: one audit per week (spec §13 says
// "the figures of §5 computed as of that window's last day"), on random teams.
import { logRows, plus, rosterRows, type RosterSpec, type RunSpec } from '../support/sheets';
import fc from 'fast-check';
import { runAudit } from '../../src/core/audit/audit';
import { parseLog } from '../../src/core/sheets/log';
import { parseRoster, MemberDirectory } from '../../src/core/sheets/roster';
import { computeHistory } from '../../src/core/history/history';
import { DEFAULT_SETTINGS } from '../../src/core/base/types';
import { dayToIso } from '../../src/core/base/dates';
import { day, UTC } from './fixtures';

const NAMES = ['Ana', 'Ben', 'Cara', 'Dan', 'Eve'];
const AS_OF = '2026-03-01';
const STATUSES = ['', '', '', 'Principled resistance', 'No suitable anchor workflow'];

const run = fc.record({
  daysBack: fc.integer({ min: -10, max: 150 }),
  member: fc.constantFrom(...NAMES, 'Zed'),
  outcome: fc.constantFrom('Used as-is', 'Light edit', 'Heavy edit', 'Not used'),
  prompted: fc.boolean(),
});
const rosterMember = fc.record({
  name: fc.constantFrom(...NAMES),
  trainedDaysBack: fc.option(fc.integer({ min: -20, max: 140 })),
  status: fc.constantFrom(...STATUSES),
});

describe('history equals one audit per week (property-based)', () => {
  test('trend, transitions and cohort points', () => {
    fc.assert(
      fc.property(
        fc.array(run, { maxLength: 120 }),
        fc.option(fc.uniqueArray(rosterMember, { selector: (m) => m.name, maxLength: 5 })),
        fc.integer({ min: 2, max: 8 }),
        fc.constantFrom(1, 2, 3),
        (runs, rosterSpec, weeks, genuineAt) => {
          const specs: RunSpec[] = runs.map((r) => ({
            date: plus(AS_OF, -r.daysBack),
            member: r.member,
            outcome: r.outcome,
            prompted: r.prompted,
          }));
          const rosterRowsSpec: RosterSpec[] | null =
            rosterSpec?.map((m) => ({
              name: m.name,
              training: m.trainedDaysBack === null ? undefined : plus(AS_OF, -m.trainedDaysBack),
              status: m.status,
            })) ?? null;
          const roster = rosterRowsSpec ? parseRoster(rosterRows(rosterRowsSpec), UTC) : null;
          const log = parseLog(logRows(specs), { ...UTC, directory: new MemberDirectory(roster?.members ?? []) });
          const settings = { ...DEFAULT_SETTINGS, genuineAt };
          const asOf = day(AS_OF);
          const auditAt = (end: number) =>
            runAudit({ runs: log.runs, roster, names: log.names, asOf: end, weeks: 1, settings });
          const result = computeHistory({ runs: log.table, roster, names: log.names, asOf, weeks, settings });

          const audits = Array.from({ length: weeks }, (_, k) => auditAt(asOf - 7 * k));
          expect(result.weeks).toEqual(
            audits
              .map((a) => ({
                asOf: a.asOf,
                membersInScope: a.team.membersInScope,
                genuineAdopters: a.team.genuineAdopters,
                adoptionRate: a.team.adoptionRate,
                trainingCompletionRate: a.team.trainingCompletionRate,
                runs: a.team.runs,
                activeMembers: a.team.activeMembers,
                blendedAcceptanceRate: a.team.blendedAcceptanceRate,
              }))
              .reverse(),
          );

          const genuine = (k: number) =>
            new Set(
              audits[k].members.filter((m) => m.inScope && m.category === 'Genuine adopter').map((m) => m.member),
            );
          const [now, before] = [genuine(0), genuine(1)];
          const earlier = new Set(audits.slice(2).flatMap((_, i) => [...genuine(i + 2)]));
          const inScope = audits[0].members.filter((m) => m.inScope).map((m) => m.member);
          const sorted = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b));
          expect(result.transitions).toEqual({
            retained: sorted(inScope.filter((n) => now.has(n) && before.has(n))),
            newAdopters: sorted(inScope.filter((n) => now.has(n) && !before.has(n) && !earlier.has(n))),
            reactivated: sorted(inScope.filter((n) => now.has(n) && !before.has(n) && earlier.has(n))),
            lapsed: sorted(inScope.filter((n) => !now.has(n) && before.has(n))),
          });

          // Every cohort point: Genuine in the week ending on T + 7k, counted once that day is past.
          const trained = (roster?.members ?? []).filter((m) => m.status !== 'no-anchor' && m.trainingDay !== null);
          for (const cohort of result.cohorts) {
            const members = trained.filter((m) => cohort.members.includes(m.name));
            expect(members.map((m) => m.name).sort()).toEqual([...cohort.members].sort());
            for (let k = 1; k <= 12; k++) {
              const ended = members.filter((m) => m.trainingDay! + 7 * k <= asOf);
              const g = ended.filter(
                (m) =>
                  auditAt(m.trainingDay! + 7 * k).members.find((x) => x.key === m.key)?.category === 'Genuine adopter',
              );
              expect([cohort.genuine[k - 1], cohort.ended[k - 1]]).toEqual([g.length, ended.length]);
              expect(cohort.genuineShare[k - 1]).toBe(ended.length ? g.length / ended.length : null);
            }
            for (const m of members) expect(dayToIso(m.trainingDay!) >= cohort.week).toBe(true);
          }
          expect(result.cohorts.flatMap((c) => c.members).length).toBe(trained.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});
