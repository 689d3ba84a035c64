// Embedded charts, their builder and position, and the global Charts (its ChartType enum).
import { quoteSheetName } from './a1';
import { api, type FakeInfo } from './boundary';
import { signatureError, toRange } from './cells';
import { ChartType, ChartTypeNames, enumName, type ChartTypeName } from './enums';
import type { RangeModel, SheetModel } from './model';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GContainerInfo = GoogleAppsScript.Spreadsheet.ContainerInfo;
type GChartType = GoogleAppsScript.Charts.ChartType;
type GCharts = GoogleAppsScript.Charts.Charts;

interface ChartState {
  type: ChartTypeName | null;
  ranges: RangeModel[];
  options: Map<string, unknown>;
  position: { row: number; col: number; offsetX: number; offsetY: number };
  numHeaders: number;
  transpose: boolean;
}

function cloneState(s: ChartState): ChartState {
  return { ...s, ranges: s.ranges.slice(), options: new Map(s.options), position: { ...s.position } };
}

export class FakeContainerInfo implements Pick<GContainerInfo, never> {
  static readonly fakeInfo: FakeInfo = { service: 'spreadsheet', cls: 'ContainerInfo' };
  constructor(private readonly p: ChartState['position']) {}
}

export class FakeEmbeddedChart implements Pick<GChart, never> {
  static readonly fakeInfo: FakeInfo = { service: 'spreadsheet', cls: 'EmbeddedChart' };
  _sheet: SheetModel | null = null;

  constructor(
    public _id: number | null,
    readonly _state: ChartState,
  ) {}

  /** A plain description for assertions. */
  _describe(): {
    id: number | null;
    type: ChartTypeName | null;
    ranges: string[];
    position: ChartState['position'];
    options: Record<string, unknown>;
  } {
    return {
      id: this._id,
      type: this._state.type,
      ranges: this._state.ranges.map((r) => `${quoteSheetName(r._sheet._name)}!${r._a1()}`),
      position: { ...this._state.position },
      options: Object.fromEntries(this._state.options),
    };
  }
}

export class FakeEmbeddedChartBuilder implements Pick<
  GChartBuilder,
  'addRange' | 'build' | 'setChartType' | 'setNumHeaders' | 'setOption' | 'setPosition'
> {
  static readonly fakeInfo: FakeInfo = { service: 'spreadsheet', cls: 'EmbeddedChartBuilder' };
  private readonly state: ChartState;

  constructor(
    private readonly sheet: SheetModel | null,
    private readonly chartId: number | null = null,
    state?: ChartState,
  ) {
    this.state = state ?? {
      type: null,
      ranges: [],
      options: new Map(),
      position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
      numHeaders: -1,
      transpose: false,
    };
  }

  private _self(): GChartBuilder {
    return api<GChartBuilder>(this);
  }
  private _typed<T>(type: ChartTypeName): T {
    this.state.type = type;
    return api<T>(this);
  }

  addRange(range: GRange): GChartBuilder {
    this.state.ranges.push(toRange(range));
    return this._self();
  }
  setChartType(type: GChartType): GChartBuilder {
    const name = enumName(ChartTypeNames, type);
    if (!name) throw signatureError('SpreadsheetApp.EmbeddedChartBuilder.setChartType', [type]);
    this.state.type = name;
    return this._self();
  }
  setNumHeaders(headers: number): GChartBuilder {
    this.state.numHeaders = headers;
    return this._self();
  }
  setOption(option: string, value: unknown): GChartBuilder {
    this.state.options.set(String(option), value);
    return this._self();
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GChartBuilder {
    this.state.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this._self();
  }
  build(): GChart {
    if (!this.state.type)
      throw new Error('The chart has no type: call setChartType() (or an as...Chart()) before build().');
    const chart = new FakeEmbeddedChart(this.chartId, cloneState(this.state));
    // A rebuilt existing chart stays bound to its sheet until updateChart replaces it.
    chart._sheet = this.chartId !== null ? this.sheet : null;
    return api<GChart>(chart);
  }
}

/** The global `Charts` (only its ChartType enum is needed to build embedded charts). */
export class FakeCharts implements Pick<GCharts, 'ChartType'> {
  static readonly fakeInfo: FakeInfo = { service: 'charts', cls: 'Charts' };
  readonly ChartType = ChartType;
}
