/**
 * The read of each distinct cell value, made once per parse. A log repeats the same few dozen
 * names, workflows and outcomes over every row, and each read is a pure function of the value.
 *
 * Why not a Map: every getValues hands back new strings, and V8 computes a string's hash on its
 * first use as a key, reading every character (a call out of compiled code per cell). A Map
 * look-up of each cell therefore costs about twice what this table costs (BENCHMARKS.md): it
 * places a string by its length and four of its characters, and compares it with what it finds
 * there. Strings the table cannot place in a few probes, and every other primitive, go to a Map,
 * so a column whose values all look alike costs at most a few comparisons more per cell.
 * Dates and other objects are read every time: equal dates are different objects. A read is
 * never undefined (undefined means "not read yet").
 */
export class CellMemo<T> {
  /** Slots: a power of two, at most half of them filled so that probes stay short. */
  private static readonly SLOTS = 1024;
  private static readonly MAX_STRINGS = CellMemo.SLOTS / 2;
  private static readonly MAX_PROBES = 4;

  private readonly keys: (string | undefined)[] = new Array(CellMemo.SLOTS).fill(undefined);
  private readonly reads: (T | undefined)[] = new Array(CellMemo.SLOTS).fill(undefined);
  private strings = 0;
  /** Values that are not strings, and strings the slots do not hold. */
  private readonly others = new Map<unknown, T>();

  constructor(private readonly read: (cell: unknown) => T) {}

  get(cell: unknown): T {
    if (typeof cell !== 'string') return this.getOther(cell);
    const slot = this.slotFor(cell);
    // slotFor compared the strings: a filled slot is this string's.
    if (slot >= 0 && this.keys[slot] !== undefined) return this.reads[slot] as T;
    return this.getOther(cell);
  }

  /**
   * The slot holding `cell`, or else the first free slot among its probes, or -1 when neither is
   * there. Slots are filled in probe order and never emptied, so a string is never past a free slot.
   */
  private slotFor(cell: string): number {
    const mask = CellMemo.SLOTS - 1;
    let slot = slotOf(cell) & mask;
    for (let probe = 0; probe < CellMemo.MAX_PROBES; probe++) {
      const key = this.keys[slot];
      if (key === cell || key === undefined) return slot;
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  private getOther(cell: unknown): T {
    if (typeof cell === 'object' && cell !== null) return this.read(cell);
    let read = this.others.get(cell);
    if (read === undefined) {
      read = this.read(cell);
      const slot = typeof cell === 'string' && this.strings < CellMemo.MAX_STRINGS ? this.slotFor(cell) : -1;
      if (slot >= 0) {
        this.keys[slot] = cell as string;
        this.reads[slot] = read;
        this.strings++;
      } else {
        this.others.set(cell, read);
      }
    }
    return read;
  }
}

/** A slot number from the string's length and four of its characters (first, last, middle, three quarters). */
function slotOf(text: string): number {
  const length = text.length;
  if (length === 0) return 0;
  let h = Math.imul(length, 0x9e3779b1);
  h = Math.imul(h ^ text.charCodeAt(0), 0x85ebca6b);
  h = Math.imul(h ^ text.charCodeAt(length - 1), 0xc2b2ae35);
  h = Math.imul(h ^ text.charCodeAt(length >> 1), 0x27d4eb2f);
  h = Math.imul(h ^ text.charCodeAt((length * 3) >> 2), 0x165667b1);
  return (h ^ (h >>> 15)) >>> 0;
}
