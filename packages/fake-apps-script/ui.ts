import * as fs from 'node:fs';
import * as path from 'node:path';
import { nonEmptyString } from './arguments';
import { api, type FakeInfo } from './boundary';
import { Button, ButtonNames, ButtonSet, ButtonSetNames, enumName, type ButtonName, type ButtonSetName } from './enums';
import type { FakeContext } from './context';
import type { LockState } from './lock';

type GUi = GoogleAppsScript.Base.Ui;
type GMenu = GoogleAppsScript.Base.Menu;
type GButton = GoogleAppsScript.Base.Button;
type GButtonSet = GoogleAppsScript.Base.ButtonSet;
type GHtmlService = GoogleAppsScript.HTML.HtmlService;
type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export type MenuEntry = { kind: 'item'; caption: string; functionName: string } | { kind: 'separator' };

/** The add-on menu (Ui.createAddonMenu), as the last addToUi left it. */
export interface RecordedMenu {
  entries: MenuEntry[];
}

export interface MenuItemInfo {
  caption: string;
  functionName: string;
}

export interface ShownHtml {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  content: string;
  width: number | null;
  height: number | null;
  at: Date;
}

export interface DialogRecord {
  kind: 'alert';
  title: string | null;
  prompt: string;
  buttons: ButtonSetName | null;
  response: ButtonName;
  at: Date;
}

export interface ToastRecord {
  spreadsheetId: string;
  message: string;
  title: string;
  timeoutSeconds: number;
  at: Date;
}

export interface ScriptedResponse {
  button: ButtonName;
  /** Runs while the dialog is open (the script suspended, its locks let go): another execution's work. */
  whileOpen?: () => void;
}

/** Everything the user would have seen, and the answers the test scripts for dialogs. */
export class UiState {
  menu: RecordedMenu | null = null;
  shown: ShownHtml[] = [];
  dialogs: DialogRecord[] = [];
  toasts: ToastRecord[] = [];
  private queue: ScriptedResponse[] = [];

  /** The next alert answers with this button. */
  queueResponse(response: ButtonName | ScriptedResponse): void {
    this.queue.push(typeof response === 'string' ? { button: response } : response);
  }

  pendingResponses(): number {
    return this.queue.length;
  }

  _nextResponse(): ScriptedResponse | undefined {
    return this.queue.shift();
  }

  addonMenu(): RecordedMenu | undefined {
    return this.menu ?? undefined;
  }

  /** Every clickable item of the add-on menu. */
  menuItems(): MenuItemInfo[] {
    return (this.menu?.entries ?? []).flatMap((e) =>
      e.kind === 'item' ? [{ caption: e.caption, functionName: e.functionName }] : [],
    );
  }

  sidebars(): ShownHtml[] {
    return this.shown.filter((s) => s.kind === 'sidebar');
  }

  lastShown(): ShownHtml | undefined {
    return this.shown[this.shown.length - 1];
  }

  reset(): void {
    this.menu = null;
    this.shown = [];
    this.dialogs = [];
    this.toasts = [];
    this.queue = [];
  }
}

export class FakeMenu implements Pick<GMenu, 'addItem' | 'addSeparator' | 'addToUi'> {
  static readonly fakeInfo: FakeInfo = { service: 'ui', cls: 'Menu' };
  readonly _entries: MenuEntry[] = [];

  constructor(private readonly state: UiState) {}

  addItem(caption: string, functionName: string): GMenu {
    const handler = nonEmptyString(functionName, `Menu item "${caption}" needs the name of a function, as a string.`);
    this._entries.push({ kind: 'item', caption: String(caption), functionName: handler });
    return api<GMenu>(this);
  }
  addSeparator(): GMenu {
    this._entries.push({ kind: 'separator' });
    return api<GMenu>(this);
  }
  addToUi(): void {
    // Building the menu again (the next onOpen) replaces it rather than adding a second one.
    this.state.menu = { entries: structuredClone(this._entries) };
  }
}

export class FakeUi implements Pick<
  GUi,
  'Button' | 'ButtonSet' | 'alert' | 'createAddonMenu' | 'showSidebar' | 'showModelessDialog'
> {
  static readonly fakeInfo: FakeInfo = { service: 'ui', cls: 'Ui' };
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    private readonly ctx: FakeContext,
    private readonly state: UiState,
    /** The locks alert lets go of. */
    private readonly locks: LockState,
  ) {}

  createAddonMenu(): GMenu {
    return api<GMenu>(new FakeMenu(this.state));
  }

  /**
   * alert suspends the script while the dialog is open, and "LockService locks don't
   * persist across the suspension" ("Class Ui", https://developers.google.com/apps-script/reference/base/ui):
   * the execution's locks are let go, and another execution may take them meanwhile.
   */
  private _suspend(): void {
    const ex = this.ctx.execution;
    if (ex) this.locks._releaseAllOf(ex.id);
  }

  alert(a: string, b?: string | GButtonSet, c?: GButtonSet): GButton {
    const [title, prompt, set] = dialogArgs(a, b, c);
    this._suspend();
    const scripted = this.state._nextResponse();
    scripted?.whileOpen?.();
    const response = scripted?.button ?? defaultButton(set);
    checkButton(response, set, 'alert');
    this.state.dialogs.push({ kind: 'alert', title, prompt, buttons: set, response, at: this.ctx.clock.date() });
    return api<GButton>(response as unknown as object);
  }

  showSidebar(userInterface: GHtmlOutput): void {
    this._show('sidebar', userInterface, null);
  }
  showModelessDialog(userInterface: GHtmlOutput, title: string): void {
    this._show('modeless', userInterface, title);
  }

  private _show(kind: ShownHtml['kind'], out: GHtmlOutput, title: string | null): void {
    if (!(out instanceof FakeHtmlOutput))
      throw new Error(`Ui.show: expected an HtmlOutput from HtmlService, got ${String(out)}.`);
    this.state.shown.push({
      kind,
      title: title ?? out._title,
      content: out._content,
      width: out._width,
      height: out._height,
      at: this.ctx.clock.date(),
    });
  }
}

function dialogArgs(a: string, b?: string | GButtonSet, c?: GButtonSet): [string | null, string, ButtonSetName | null] {
  if (c !== undefined) return [String(a), String(b), toButtonSet(c)];
  if (b !== undefined) return [null, String(a), toButtonSet(b)];
  return [null, String(a), null];
}

function toButtonSet(v: unknown): ButtonSetName {
  const name = enumName(ButtonSetNames, v);
  if (!name) throw new Error(`Invalid argument: buttons (${String(v)}); use ui.ButtonSet.`);
  return name;
}

/** With nothing scripted, a one-button dialog is acknowledged and any other is closed. */
function defaultButton(set: ButtonSetName | null): ButtonName {
  return set === null || set === 'OK' ? 'OK' : 'CLOSE';
}

const ALLOWED: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

function checkButton(b: ButtonName, set: ButtonSetName | null, what: string): void {
  if (!enumName(ButtonNames, b)) throw new Error(`gas-fake: scripted response "${String(b)}" is not a Button name.`);
  const allowed = ALLOWED[set ?? 'OK'];
  if (!allowed.includes(b)) {
    throw new Error(
      `gas-fake: scripted response ${b} cannot answer an ${what} with buttons ${set ?? 'OK'} (${allowed.join('/')}).`,
    );
  }
}

// ---- HtmlService -------------------------------------------------------------------------------

export class HtmlState {
  /** Folder holding <name>.html files (the build folder). */
  dir: string | null;
  constructor(dir: string | null) {
    this.dir = dir;
  }
}

export class FakeHtmlOutput implements Pick<GHtmlOutput, 'append' | 'setTitle' | 'setWidth' | 'setHeight'> {
  static readonly fakeInfo: FakeInfo = { service: 'html', cls: 'HtmlOutput' };
  _title = '';
  _width: number | null = null;
  _height: number | null = null;

  constructor(public _content: string) {}

  append(addedContent: string): GHtmlOutput {
    this._content += String(addedContent);
    return api<GHtmlOutput>(this);
  }
  setTitle(title: string): GHtmlOutput {
    this._title = String(title);
    return api<GHtmlOutput>(this);
  }
  setWidth(width: number): GHtmlOutput {
    this._width = width;
    return api<GHtmlOutput>(this);
  }
  setHeight(height: number): GHtmlOutput {
    this._height = height;
    return api<GHtmlOutput>(this);
  }
}

export class FakeHtmlService implements Pick<GHtmlService, 'createHtmlOutputFromFile'> {
  static readonly fakeInfo: FakeInfo = { service: 'html', cls: 'HtmlService' };

  constructor(private readonly state: HtmlState) {}

  createHtmlOutputFromFile(filename: string): GHtmlOutput {
    const name = String(filename).replace(/\.html$/, '');
    const dir = this.state.dir;
    const file = dir === null ? null : path.join(dir, `${name}.html`);
    if (!file || !fs.existsSync(file)) throw new Error(`No HTML file named ${name} was found.`);
    return api<GHtmlOutput>(new FakeHtmlOutput(fs.readFileSync(file, 'utf8')));
  }
}
