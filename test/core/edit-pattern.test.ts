/** What a pattern of edits points to (spec §10's workflow rule): context, prompt or format, by the largest group. */
import { editPattern, editPatternFix, editPatternHeadline, editPatternLine } from '../../src/core/audit/edit-pattern';
import { emptyEditTypes } from '../../src/core/audit/rates';
import type { EditType } from '../../src/core/base/types';
import { audit, runsOf } from './fixtures';

const counts = (over: Partial<Record<EditType, number>>) => ({ ...emptyEditTypes(), ...over });

describe('the edit pattern', () => {
  test('tone, missing info and wrong info count together as context: 1 + 1 + 1 beat format 2', () => {
    const c = counts({ tone: 1, 'missing info': 1, 'wrong info': 1, format: 2 });
    expect(editPatternLine(c, 'since training')).toBe(
      "Edit types since training: tone 1, format 2, missing info 1, wrong info 1. Most are context edits (3 of 5): the pattern points to context (the voice guide, and what is missing or wrong in the workflow's context).",
    );
  });

  test('a tie is mixed and names the groups level, whatever their order: never "most"', () => {
    const toneFirst = counts({ tone: 2, format: 2 });
    expect(editPatternLine(toneFirst, 'since the session')).toBe(
      'Edit types since the session: tone 2, format 2. Mixed: context and format edits are level (2 of 4 each): the pattern points to context (a voice guide) and format (an output template) alike.',
    );
    const scopeAndFormat = counts({ format: 1, scope: 1 });
    expect(editPatternHeadline(editPattern(scopeAndFormat)!)).toBe(
      'mixed: prompt and format edits are level (1 of 2 each)',
    );
    const three = counts({ 'wrong info': 1, format: 1, scope: 1 });
    expect(editPatternHeadline(editPattern(three)!)).toBe(
      'mixed: context, prompt and format edits are level (1 of 3 each)',
    );
  });

  test('one group strictly ahead is "most", with the type strictly ahead within it', () => {
    const c = counts({ scope: 3, tone: 1, format: 1 });
    expect(editPatternLine(c, 'since training')).toContain(
      "Most are prompt edits (3 of 5): the pattern points to prompt (the prompt's scope).",
    );
    expect(editPatternFix(editPattern(c)!, c)).toBe("Most are prompt edits (3 of 5): tighten the prompt's scope.");
    expect(editPatternLine(emptyEditTypes(), 'since training')).toBeNull();
  });

  test("a workflow gap with format and tone level names both fixes, not the first type's", () => {
    const AS_OF = '2026-03-15';
    const runs = [
      ...runsOf('Ana', 2, AS_OF, { workflow: 'Proposal', outcome: 'heavy', edit: 'tone' }),
      ...runsOf('Ben', 2, AS_OF, { workflow: 'Proposal', outcome: 'heavy', edit: 'format' }),
    ];
    const finding = audit(runs, { asOf: AS_OF }).diagnosis.find((f) => f.code === 'workflow-gap')!;
    expect(finding.step).toBe(
      'Mixed: context and format edits are level (2 of 4 each): write or fix the voice guide used by this workflow and give this workflow an output template.',
    );
  });
});
