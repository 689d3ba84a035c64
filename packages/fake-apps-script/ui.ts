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
type GPromptResponse = GoogleAppsScript.Base.PromptResponse;
type GHtmlService = GoogleAppsScript.HTML.HtmlService;
type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; caption: string; entries: MenuEntry[] };

export interface RecordedMenu {
  /** The caption given to createMenu; null for the add-on menu. */
  caption: string | null;
  addon: boolean;
  entries: MenuEntry[];
}

export interface MenuItemInfo {
  /** Captions from the top menu down to the item. */
  path: string[];
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
  kind: 'alert' | 'prompt';
  title: string | null;
  prompt: string;
  buttons: ButtonSetName | null;
  response: ButtonName;
  text?: string;
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
  /** For prompt(): the text the user typed. */
  text?: string;
  /** Runs while the dialog is open (the script suspended, its locks let go): another execution's work. */
  whileOpen?: () => void;
}

/** Everything the user would have seen, and the answers the test scripts for dialogs. */
export class UiState {
  menus: RecordedMenu[] = [];
  shown: ShownHtml[] = [];
  dialogs: DialogRecord[] = [];
  toasts: ToastRecord[] = [];
  private queue: ScriptedResponse[] = [];

  /** The next alert/prompt answers with this button (and text, for a prompt). */
  queueResponse(response: ButtonName | ScriptedResponse): void {
    this.queue.push(typeof response === 'string' ? { button: response } : response);
  }

  queuePrompt(text: string, button: ButtonName = 'OK'): void {
    this.queue.push({ button, text });
  }

  pendingResponses(): number {
    return this.queue.length;
  }

  _nextResponse(): ScriptedResponse | undefined {
    return this.queue.shift();
  }

  addonMenu(): RecordedMenu | undefined {
    return this.menus.find((m) => m.addon);
  }

  /** Every clickable item of the menus (or of the one with `caption`; null for the add-on menu). */
  menuItems(caption?: string | null): MenuItemInfo[] {
    const out: MenuItemInfo[] = [];
    const walk = (entries: MenuEntry[], trail: string[]): void => {
      for (const e of entries) {
        if (e.kind === 'item')
          out.push({ path: [...trail, e.caption], caption: e.caption, functionName: e.functionName });
        else if (e.kind === 'submenu') walk(e.entries, [...trail, e.caption]);
      }
    };
    for (const m of this.menus) {
      if (caption !== undefined && m.caption !== caption) continue;
      walk(m.entries, [m.caption ?? '(add-on)']);
    }
    return out;
  }

  sidebars(): ShownHtml[] {
    return this.shown.filter((s) => s.kind === 'sidebar');
  }

  lastShown(): ShownHtml | undefined {
    return this.shown[this.shown.length - 1];
  }

  reset(): void {
    this.menus = [];
    this.shown = [];
    this.dialogs = [];
    this.toasts = [];
    this.queue = [];
  }
}

export class FakeMenu implements Pick<GMenu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  static readonly fakeInfo: FakeInfo = { service: 'ui', cls: 'Menu' };
  readonly _entries: MenuEntry[] = [];

  constructor(
    private readonly state: UiState,
    readonly _caption: string | null,
  ) {}

  addItem(caption: string, functionName: string): GMenu {
    const handler = nonEmptyString(functionName, `Menu item "${caption}" needs the name of a function, as a string.`);
    this._entries.push({ kind: 'item', caption: String(caption), functionName: handler });
    return api<GMenu>(this);
  }
  addSeparator(): GMenu {
    this._entries.push({ kind: 'separator' });
    return api<GMenu>(this);
  }
  addSubMenu(menu: GMenu): GMenu {
    if (!(menu instanceof FakeMenu)) throw new Error('addSubMenu needs a Menu made by createMenu().');
    this._entries.push({ kind: 'submenu', caption: menu._caption ?? '', entries: structuredClone(menu._entries) });
    return api<GMenu>(this);
  }
  addToUi(): void {
    const menu: RecordedMenu = {
      caption: this._caption,
      addon: this._caption === null,
      entries: structuredClone(this._entries),
    };
    // Building the menu again (the next onOpen) replaces it rather than adding a second one.
    const i = this.state.menus.findIndex((m) => m.caption === menu.caption);
    if (i >= 0) this.state.menus[i] = menu;
    else this.state.menus.push(menu);
  }
}

export class FakePromptResponse implements Pick<GPromptResponse, 'getResponseText' | 'getSelectedButton'> {
  static readonly fakeInfo: FakeInfo = { service: 'ui', cls: 'PromptResponse' };
  constructor(
    private readonly text: string,
    private readonly button: ButtonName,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): GButton {
    return api<GButton>(this.button as unknown as object);
  }
}

export class FakeUi implements Pick<
  GUi,
  'Button' | 'ButtonSet' | 'alert' | 'prompt' | 'createAddonMenu' | 'createMenu' | 'showSidebar' | 'showModelessDialog'
> {
  static readonly fakeInfo: FakeInfo = { service: 'ui', cls: 'Ui' };
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    private readonly ctx: FakeContext,
    private readonly state: UiState,
    /** The locks alert and prompt let go of. */
    private readonly locks: LockState,
  ) {}

  createAddonMenu(): GMenu {
    return api<GMenu>(new FakeMenu(this.state, null));
  }
  createMenu(caption: string): GMenu {
    return api<GMenu>(new FakeMenu(this.state, String(caption)));
  }

  /**
   * alert and prompt suspend the script while the dialog is open, and "LockService locks don't
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

  prompt(a: string, b?: string | GButtonSet, c?: GButtonSet): GPromptResponse {
    const [title, prompt, set] = dialogArgs(a, b, c);
    this._suspend();
    const effective = set ?? 'OK';
    const scripted = this.state._nextResponse();
    scripted?.whileOpen?.();
    const response = scripted?.button ?? 'CLOSE';
    checkButton(response, effective, 'prompt');
    const text = scripted?.text ?? '';
    this.state.dialogs.push({ kind: 'prompt', title, prompt, buttons: set, response, text, at: this.ctx.clock.date() });
    return api<GPromptResponse>(new FakePromptResponse(text, response));
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
      content: out.getContent(),
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

export class FakeHtmlOutput implements Pick<
  GHtmlOutput,
  'append' | 'clear' | 'getContent' | 'setTitle' | 'setWidth' | 'setHeight'
> {
  static readonly fakeInfo: FakeInfo = { service: 'html', cls: 'HtmlOutput' };
  _title = '';
  _width: number | null = null;
  _height: number | null = null;

  constructor(private content: string) {}

  append(addedContent: string): GHtmlOutput {
    this.content += String(addedContent);
    return api<GHtmlOutput>(this);
  }
  clear(): GHtmlOutput {
    this.content = '';
    return api<GHtmlOutput>(this);
  }
  getContent(): string {
    return this.content;
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
