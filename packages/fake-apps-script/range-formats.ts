// A Range's formats: font weights and number formats.
import { checkShape } from './cells';
import { RangeBox } from './range-box';
import { DEFAULT_NUMBER_FORMAT } from './values';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;

/** The format methods of FakeRange (range.ts). */
export abstract class FormattedRange
  extends RangeBox
  implements
    Pick<GRange, 'getNumberFormats' | 'setFontWeight' | 'setFontWeights' | 'setNumberFormat' | 'setNumberFormats'>
{
  getNumberFormats(): string[][] {
    return this._cells((c) => c?.format ?? DEFAULT_NUMBER_FORMAT);
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
}
