// A Range's formats and notes: backgrounds, fonts, alignment, number formats, wrapping.
import { checkShape } from './cells';
import { RangeBox } from './range-box';
import { DEFAULT_NUMBER_FORMAT } from './values';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;
type FontStyle = GoogleAppsScript.Spreadsheet.FontStyle;
type HAlign = 'left' | 'center' | 'normal' | 'right' | null;
type VAlign = 'top' | 'middle' | 'bottom' | null;

/** The format and note methods of FakeRange (range.ts). */
export abstract class FormattedRange
  extends RangeBox
  implements
    Pick<
      GRange,
      | 'getBackground'
      | 'getBackgrounds'
      | 'getFontWeight'
      | 'getFontWeights'
      | 'getNote'
      | 'getNotes'
      | 'getNumberFormat'
      | 'getNumberFormats'
      | 'getWrap'
      | 'getWraps'
      | 'setBackground'
      | 'setBackgrounds'
      | 'setFontColor'
      | 'setFontFamily'
      | 'setFontSize'
      | 'setFontStyle'
      | 'setFontWeight'
      | 'setFontWeights'
      | 'setHorizontalAlignment'
      | 'setNote'
      | 'setNotes'
      | 'setNumberFormat'
      | 'setNumberFormats'
      | 'setVerticalAlignment'
      | 'setWrap'
      | 'setWraps'
    >
{
  getBackground(): string {
    return this.getBackgrounds()[0][0];
  }
  getBackgrounds(): string[][] {
    return this._cells((c) => c?.background ?? '#ffffff');
  }
  getFontWeight(): FontWeight {
    return this.getFontWeights()[0][0];
  }
  getFontWeights(): FontWeight[][] {
    return this._cells((c) => (c?.fontWeight ?? 'normal') as FontWeight);
  }
  getNote(): string {
    return this.getNotes()[0][0];
  }
  getNotes(): string[][] {
    return this._cells((c) => c?.note ?? '');
  }
  getNumberFormat(): string {
    return this.getNumberFormats()[0][0];
  }
  getNumberFormats(): string[][] {
    return this._cells((c) => c?.format ?? DEFAULT_NUMBER_FORMAT);
  }
  getWrap(): boolean {
    return this.getWraps()[0][0];
  }
  getWraps(): boolean[][] {
    return this._cells((c) => c?.wrap ?? false);
  }
  setBackground(color: string | null): GRange {
    return this._each((c) => {
      if (color === null) delete c.background;
      else c.background = color;
    })._self();
  }
  setBackgrounds(color: Array<Array<string | null>>): GRange {
    checkShape(color, this._numRows, this._numCols, 'SpreadsheetApp.Range.setBackgrounds');
    return this._eachWith(color, (c, v) => {
      if (v === null) delete c.background;
      else c.background = v;
    })._self();
  }
  setFontColor(color: string | null): GRange {
    return this._each((c) => {
      if (color === null) delete c.fontColor;
      else c.fontColor = color;
    })._self();
  }
  setFontFamily(fontFamily: string | null): GRange {
    return this._each((c) => {
      if (fontFamily === null) delete c.fontFamily;
      else c.fontFamily = fontFamily;
    })._self();
  }
  setFontSize(size: number): GRange {
    return this._each((c) => {
      c.fontSize = size;
    })._self();
  }
  setFontStyle(fontStyle: FontStyle | null): GRange {
    return this._each((c) => {
      if (fontStyle === null) delete c.fontStyle;
      else c.fontStyle = fontStyle;
    })._self();
  }
  setFontWeight(fontWeight: FontWeight | null): GRange {
    return this._each((c) => {
      if (fontWeight === null) delete c.fontWeight;
      else c.fontWeight = fontWeight;
    })._self();
  }
  setFontWeights(fontWeights: Array<Array<FontWeight | null>>): GRange {
    checkShape(fontWeights, this._numRows, this._numCols, 'SpreadsheetApp.Range.setFontWeights');
    return this._eachWith(fontWeights, (c, w) => {
      if (w === null) delete c.fontWeight;
      else c.fontWeight = w;
    })._self();
  }
  setHorizontalAlignment(alignment: HAlign): GRange {
    return this._each((c) => {
      if (alignment === null) delete c.horizontalAlignment;
      else c.horizontalAlignment = alignment;
    })._self();
  }
  setVerticalAlignment(alignment: VAlign): GRange {
    return this._each((c) => {
      if (alignment === null) delete c.verticalAlignment;
      else c.verticalAlignment = alignment;
    })._self();
  }
  setNote(note: string | null): GRange {
    return this._each((c) => {
      if (note === null || note === '') delete c.note;
      else c.note = String(note);
    })._self();
  }
  setNotes(notes: Array<Array<string | null>>): GRange {
    checkShape(notes, this._numRows, this._numCols, 'SpreadsheetApp.Range.setNotes');
    return this._eachWith(notes, (c, n) => {
      if (n === null || n === '') delete c.note;
      else c.note = String(n);
    })._self();
  }
  setNumberFormat(numberFormat: string): GRange {
    return this._each((c) => {
      c.format = String(numberFormat);
    })._self();
  }
  setNumberFormats(numberFormats: string[][]): GRange {
    checkShape(numberFormats, this._numRows, this._numCols, 'SpreadsheetApp.Range.setNumberFormats');
    return this._eachWith(numberFormats, (c, f) => {
      c.format = String(f);
    })._self();
  }
  setWrap(isWrapEnabled: boolean): GRange {
    return this._each((c) => {
      c.wrap = !!isWrapEnabled;
    })._self();
  }
  setWraps(isWrapEnabled: boolean[][]): GRange {
    checkShape(isWrapEnabled, this._numRows, this._numCols, 'SpreadsheetApp.Range.setWraps');
    return this._eachWith(isWrapEnabled, (c, w) => {
      c.wrap = !!w;
    })._self();
  }
}
