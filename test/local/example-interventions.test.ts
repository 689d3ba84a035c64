// The example team's Interventions tab (examples/interventions.csv), audited by the BUILT add-on
// as npm start does: one intervention of each type, a team-wide one and one whose 14 days after
// are still running, so the Interventions section always has something of each kind to show.
import type { RunResult } from '../../local/gas-run';
import { example, runExample } from '../support/example';
import { INTERVENTION_TYPES } from '../../src/core/interventions/types';

let result: RunResult;

beforeAll(() => {
  expect(example.interventions).toBe('interventions.csv');
  result = runExample(1);
});

describe('the example team’s interventions', () => {
  test('one of each type (and the replacement programme’s two anchor-workflow sessions), every row read', () => {
    const view = result.interventions;
    expect(view.skipped).toEqual([]);
    expect(view.byType.map((t) => [t.type, t.count])).toEqual(
      INTERVENTION_TYPES.map((type) => [type, type === 'Anchor-workflow session' ? 3 : 1]),
    );
  });

  test('a team-wide one with a complete after window, and a partial one', () => {
    const team = result.interventions.interventions.filter((r) => r.member === null);
    expect(team.length).toBeGreaterThan(0);
    expect(team.some((r) => r.change !== null && r.change.adoptionRate !== null)).toBe(true);
    const partial = result.interventions.interventions.filter((r) => r.after.days < 14);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.every((r) => r.change === null)).toBe(true);
  });

  test('a change after in acceptance to show, and a day-seven follow-up held in the timeline', () => {
    expect(result.interventions.interventions.some((r) => (r.change?.acceptanceRate ?? 0) > 0)).toBe(true);
    const dashboard = result.sidebar.dashboards[String(result.audit.weeks)];
    // Ana was trained on 5 January; her Follow-up session on the 12th is day 7.
    expect(dashboard.timeline.find((row) => row.member === 'Ana Silva')?.followUpHeld).toBe('2026-01-12');
  });

  test('the audit sheet and the digest carry them', () => {
    const cells = result.auditSheet.flat();
    expect(cells.some((c) => c.startsWith('Interventions: 14 days before and after'))).toBe(true);
    expect(cells).toContain('Interventions by type (medians over complete after windows)');
    expect(result.digest.text).toContain('Interventions and the change after them');
    expect(result.digest.text).not.toMatch(/effect of/i);
  });

  test('the advice follows them (rules §18): the peer advocacy moment, Chloé’s context pack fix and Grace’s anchor-workflow session are addressed, listed last', () => {
    const addressed = result.audit.diagnosis
      .filter((f) => f.addressed !== null)
      .map((f) => [f.member ?? 'team', f.code, f.addressed]);
    expect(addressed).toEqual([
      ['team', 'no-peer-advocacy', { date: '2026-02-13', type: 'Peer advocacy moment' }],
      ['Chloé Martin', 'foundation', { date: '2026-02-09', type: 'Context pack fix' }],
      ['Grace Liu', 'generic-demos', { date: '2026-02-27', type: 'Anchor-workflow session' }],
    ]);
    const firstAddressed = result.audit.diagnosis.findIndex((f) => f.addressed !== null);
    expect(result.audit.diagnosis.slice(firstAddressed).every((f) => f.addressed !== null)).toBe(true);
    expect(result.digest.text).toContain('No peer advocacy (cause 5): Addressed on 2026-02-13 (Peer advocacy moment).');
    expect(result.auditSheet.flat()).toContain(
      'Addressed on 2026-02-09 (Context pack fix). Change after: Uses a week 3.5 → 3.5 (±0); Acceptance on Campaign brief 29% → 57% (+29 points).',
    );
  });

  test('the second training session for Farid, a Developing user that week, carries the warning everywhere it is listed', () => {
    const second = result.interventions.interventions.find((r) => r.type === 'Second training session')!;
    expect(second.warning).toMatch(
      /^Farid Haddad was a Developing user in the week ending 2026-02-23\. A second group session is the most common mistake/,
    );
    expect(result.auditSheet.flat()).toContain(second.warning);
    expect(result.digest.text).toContain(second.warning);
  });

  test("this week's three actions head the sidebar and the named digest: at most three, each with who and by when", () => {
    const dashboard = result.sidebar.dashboards[String(result.audit.weeks)];
    expect(dashboard.actions.length).toBeGreaterThan(0);
    expect(dashboard.actions.length).toBeLessThanOrEqual(3);
    expect(dashboard.actions.every((a) => a.who.length > 0 && /^\d{4}-\d{2}-\d{2}$/.test(a.by))).toBe(true);
    const text = result.digest.text;
    const heading = text.indexOf('This week’s three actions');
    expect(heading).toBeGreaterThan(0);
    expect(heading).toBeLessThan(text.indexOf('Adoption against last week'));
    // The addressed peer advocacy moment is no action.
    expect(dashboard.actions.some((a) => a.text.startsWith('No peer advocacy'))).toBe(false);
  });
});
