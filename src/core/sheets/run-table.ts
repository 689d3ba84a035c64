/**
 * The runs of a log column by column: one typed array per field and no object per run. A log
 * grows for years; an object per row costs more in allocation and garbage collection than
 * everything the audit computes, so the audit loops over these arrays and the few readers that
 * want objects ask for them (`at`, `toArray`).
 */
import { EDIT_TYPES, OUTCOMES, type EditType, type Run } from '../base/types';

/** Edit types as a bit mask: bit i is EDIT_TYPES[i]. */
export function editMask(types: readonly EditType[]): number {
  let mask = 0;
  for (const type of types) mask |= 1 << EDIT_TYPES.indexOf(type);
  return mask;
}

/** The shared, frozen list of edit types of each mask (canonical order). */
const TYPES_OF_MASK: readonly (readonly EditType[])[] = Array.from({ length: 1 << EDIT_TYPES.length }, (_, mask) =>
  Object.freeze(EDIT_TYPES.filter((_, bit) => mask & (1 << bit))),
);

export function editTypesOf(mask: number): readonly EditType[] {
  return TYPES_OF_MASK[mask];
}

export class RunTable {
  constructor(
    readonly length: number,
    /** Sheet row numbers. */
    readonly rows: Int32Array,
    readonly days: Int32Array,
    /** Index into memberTexts / memberKeys. */
    readonly members: Int32Array,
    /** Index into workflowNames / workflowKeys. */
    readonly workflows: Int32Array,
    /** Index into OUTCOMES. */
    readonly outcomes: Uint8Array,
    /** 1 when the run was prompted. */
    readonly prompted: Uint8Array,
    readonly editMasks: Uint8Array,
    /** Per distinct member cell: its text (spaces folded) and the member's identity key. */
    readonly memberTexts: readonly string[],
    readonly memberKeys: readonly string[],
    /** Per distinct workflow cell: its text (spaces folded) and its key. */
    readonly workflowNames: readonly string[],
    readonly workflowKeys: readonly string[],
    /**
     * A log over several sheets (spec §16): each sheet's runs are consecutive, and `end` is the
     * index after its last. Empty for a log on one sheet.
     */
    readonly sheetSpans: readonly { name: string; end: number }[] = [],
  ) {}

  /** The sheet of run i when the log has several sheets, else undefined. */
  sheetOf(i: number): string | undefined {
    for (const span of this.sheetSpans) if (i < span.end) return span.name;
    return undefined;
  }

  at(i: number): Run {
    const member = this.members[i];
    const workflow = this.workflows[i];
    return {
      row: this.rows[i],
      day: this.days[i],
      memberKey: this.memberKeys[member],
      memberText: this.memberTexts[member],
      workflowKey: this.workflowKeys[workflow],
      workflow: this.workflowNames[workflow],
      outcome: OUTCOMES[this.outcomes[i]],
      editTypes: editTypesOf(this.editMasks[i]) as EditType[],
      prompted: this.prompted[i] === 1,
    };
  }

  toArray(): Run[] {
    const runs: Run[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) runs[i] = this.at(i);
    return runs;
  }

  static fromRuns(runs: readonly Run[]): RunTable {
    const b = new RunTableBuilder(runs.length);
    runs.forEach((run, i) => {
      b.rows[i] = run.row;
      b.days[i] = run.day;
      b.members[i] = b.member(run.memberText, run.memberKey);
      b.workflows[i] = b.workflow(run.workflow, run.workflowKey);
      b.outcomes[i] = OUTCOMES.indexOf(run.outcome);
      b.prompted[i] = run.prompted ? 1 : 0;
      b.editMasks[i] = editMask(run.editTypes);
    });
    return b.build(runs.length);
  }
}

/**
 * Fills a RunTable. The parser writes the columns directly (a call per run costs more than the
 * write), row i of every column at once, then calls `build(count)`.
 */
export class RunTableBuilder {
  readonly rows: Int32Array;
  readonly days: Int32Array;
  readonly members: Int32Array;
  readonly workflows: Int32Array;
  readonly outcomes: Uint8Array;
  readonly prompted: Uint8Array;
  readonly editMasks: Uint8Array;
  private readonly memberCells = new CellIndex();
  private readonly workflowCells = new CellIndex();

  /** `capacity`: an upper bound on the number of runs. */
  constructor(capacity: number) {
    this.rows = new Int32Array(capacity);
    this.days = new Int32Array(capacity);
    this.members = new Int32Array(capacity);
    this.workflows = new Int32Array(capacity);
    this.outcomes = new Uint8Array(capacity);
    this.prompted = new Uint8Array(capacity);
    this.editMasks = new Uint8Array(capacity);
  }

  /** The index of a member cell (its text and identity); called once per distinct cell by the parser. */
  member(text: string, key: string): number {
    return this.memberCells.indexOf(text, key);
  }

  workflow(name: string, key: string): number {
    return this.workflowCells.indexOf(name, key);
  }

  /** The table of the first `count` rows written. */
  build(count: number, sheetSpans: readonly { name: string; end: number }[] = []): RunTable {
    return new RunTable(
      count,
      this.rows.subarray(0, count),
      this.days.subarray(0, count),
      this.members.subarray(0, count),
      this.workflows.subarray(0, count),
      this.outcomes.subarray(0, count),
      this.prompted.subarray(0, count),
      this.editMasks.subarray(0, count),
      this.memberCells.texts,
      this.memberCells.keys,
      this.workflowCells.texts,
      this.workflowCells.keys,
      sheetSpans,
    );
  }
}

/** Distinct (text, key) pairs of a column, each with its index. */
class CellIndex {
  readonly texts: string[] = [];
  readonly keys: string[] = [];
  private readonly index = new Map<string, number>();

  indexOf(text: string, key: string): number {
    const id = `${key}\u0000${text}`;
    let found = this.index.get(id);
    if (found === undefined) {
      found = this.texts.length;
      this.texts.push(text);
      this.keys.push(key);
      this.index.set(id, found);
    }
    return found;
  }
}
