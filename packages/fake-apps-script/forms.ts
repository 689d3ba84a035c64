// FormApp as far as Uptake uses it: a form made by the script, its dropdown, checkbox, multiple
// choice and paragraph questions, its answers sheet in a spreadsheet, publishing, and pre-filled
// links. Each rule below is from the class's reference page under
// https://developers.google.com/apps-script/reference/forms/.
import { api, type FakeInfo } from './boundary';
import { asEnum } from './enums';
import type { FakeContext } from './context';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';

type GForm = GoogleAppsScript.Forms.Form;
type GItem = GoogleAppsScript.Forms.Item;
type GListItem = GoogleAppsScript.Forms.ListItem;
type GCheckboxItem = GoogleAppsScript.Forms.CheckboxItem;
type GMultipleChoiceItem = GoogleAppsScript.Forms.MultipleChoiceItem;
type GParagraphTextItem = GoogleAppsScript.Forms.ParagraphTextItem;
type GFormResponse = GoogleAppsScript.Forms.FormResponse;
type GItemResponse = GoogleAppsScript.Forms.ItemResponse;
type GChoice = GoogleAppsScript.Forms.Choice;
type GFormApp = GoogleAppsScript.Forms.FormApp;

/** The fake's answer to openById for a form that does not exist or was deleted. */
export const FORM_NOT_FOUND_MESSAGE =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

type ItemKind = 'LIST' | 'CHECKBOX' | 'MULTIPLE_CHOICE' | 'PARAGRAPH_TEXT';

function checkString(method: string, value: unknown): string {
  if (typeof value !== 'string')
    throw new Error(`The parameters (${typeof value}) don't match the method signature for ${method}.`);
  return value;
}

function checkStrings(method: string, values: unknown): string[] {
  if (!Array.isArray(values) || values.some((v) => typeof v !== 'string'))
    throw new Error(`The parameters (${typeof values}) don't match the method signature for ${method}.`);
  return [...(values as string[])];
}

/** "Class Choice": one option of a choice question; getValue() is its text. */
export class FakeChoice implements Pick<GChoice, 'getValue'> {
  static readonly fakeInfo: FakeInfo = { service: 'forms', cls: 'Choice' };
  constructor(private readonly value: string) {}
  getValue(): string {
    return this.value;
  }
}

/** One question. Its answer in the answers sheet is text; checkboxes' ticked choices joined by ", ". */
export class FakeFormItem {
  static readonly fakeInfo: FakeInfo = { service: 'forms', cls: 'Item' };
  title = '';
  required = false;
  choices: string[] = [];
  constructor(
    readonly _form: FakeForm,
    readonly _id: number,
    readonly _kind: ItemKind,
    /**
     * The number a response link names the question by (`entry.N`): not the item's getId(), so
     * a link can only be had from FormResponse.toPrefilledUrl(), as with Google's forms.
     */
    readonly _entryId: number,
  ) {}

  getId(): number {
    return this._id;
  }
  setTitle(title: string): this {
    this.title = checkString('Item.setTitle', title);
    this._form._titleChanged();
    return this;
  }
  setRequired(required: boolean): this {
    if (typeof required !== 'boolean')
      throw new Error("The parameters don't match the method signature for setRequired.");
    this.required = required;
    return this;
  }
  /**
   * "Class ListItem" / "Class CheckboxItem" / "Class MultipleChoiceItem": setChoiceValues(values)
   * takes an array of strings; the form then offers exactly those choices. An empty list is
   * refused here, as the form editor refuses a question without options.
   */
  setChoiceValues(values: string[]): this {
    const choices = checkStrings('setChoiceValues', values);
    if (choices.length === 0) throw new Error('A choice question needs at least one choice.');
    this.choices = choices;
    return this;
  }
  /** "Class ListItem", getChoices(): the item's choices, in order. */
  getChoices(): GoogleAppsScript.Forms.Choice[] {
    return this.choices.map((value) => api<GoogleAppsScript.Forms.Choice>(new FakeChoice(value)));
  }
  /** "Class Item", asListItem(): "Throws: Error — if the item is not a list item". */
  asListItem(): GListItem {
    if (this._kind !== 'LIST') throw new Error('Item is not of type LIST.');
    return api<GListItem>(this);
  }
  /**
   * "Class ListItem", createResponse(response): "Throws: Error — if the value doesn't match a
   * valid choice for this item".
   */
  createResponse(response: string): GItemResponse {
    const value = checkString('ListItem.createResponse', response);
    if (this._kind !== 'LIST') throw new Error('Only list items take a pre-filled answer here.');
    if (!this.choices.includes(value)) throw new Error(`"${value}" is not a valid choice for "${this.title}".`);
    return api<GItemResponse>(new FakeItemResponse(this, value));
  }
}

export class FakeItemResponse implements Pick<GItemResponse, never> {
  static readonly fakeInfo: FakeInfo = { service: 'forms', cls: 'ItemResponse' };
  constructor(
    readonly _item: FakeFormItem,
    readonly _value: string,
  ) {}
}

/**
 * "Class FormResponse" (https://developers.google.com/apps-script/reference/forms/form-response):
 * a response built with Form.createResponse() and withItemResponse(response), never submitted
 * here; toPrefilledUrl() "Generates a URL for the form in which the answers are pre-filled
 * based on the answers in this form response".
 */
export class FakeFormResponse implements Pick<GFormResponse, 'toPrefilledUrl' | 'withItemResponse'> {
  static readonly fakeInfo: FakeInfo = { service: 'forms', cls: 'FormResponse' };
  private readonly answers: FakeItemResponse[] = [];
  constructor(private readonly form: FakeForm) {}

  withItemResponse(response: GItemResponse): GFormResponse {
    const answer = response as unknown as FakeItemResponse;
    if (!(answer instanceof FakeItemResponse) || answer._item._form !== this.form)
      throw new Error('The item response belongs to another form.');
    this.answers.push(answer);
    return api<GFormResponse>(this);
  }
  toPrefilledUrl(): string {
    const query = this.answers
      .map((a) => `entry.${a._item._entryId}=${encodeURIComponent(a._value).replace(/%20/g, '+')}`)
      .join('&');
    return `${this.form._viewUrl()}?usp=pp_url${query ? `&${query}` : ''}`;
  }
}

export class FakeForm implements Pick<
  GForm,
  | 'getId'
  | 'setDescription'
  | 'getPublishedUrl'
  | 'setPublished'
  | 'isPublished'
  | 'isAcceptingResponses'
  | 'addListItem'
  | 'addCheckboxItem'
  | 'addMultipleChoiceItem'
  | 'addParagraphTextItem'
  | 'getItemById'
  | 'setDestination'
  | 'getDestinationId'
  | 'createResponse'
> {
  static readonly fakeInfo: FakeInfo = { service: 'forms', cls: 'Form' };
  readonly _items: FakeFormItem[] = [];
  _title: string;
  _description = '';
  _published: boolean;
  /** Whether a published form takes answers: its owner can close it ("Accepting responses" off). */
  _accepting = true;
  _deleted = false;
  /** Who may open it with FormApp.openById: its creator, and the editors a test adds. */
  readonly _editors = new Set<string>();
  _destination: { spreadsheet: FakeSpreadsheet; sheetName: string } | null = null;
  private nextItemId = 1_000_001;

  constructor(
    private readonly state: FormsState,
    readonly _id: string,
    title: string,
    published: boolean,
  ) {
    this._title = title;
    this._published = published;
  }

  /** The form's own address (its id in it), which Sheet.getFormUrl() gives for its answers sheet. */
  _editUrl(): string {
    return `https://docs.google.com/forms/d/${this._id}/edit`;
  }

  _viewUrl(): string {
    return `https://docs.google.com/forms/d/e/${this._id}-pub/viewform`;
  }

  getId(): string {
    return this._id;
  }
  setDescription(description: string): GForm {
    this._description = checkString('Form.setDescription', description);
    return api<GForm>(this);
  }
  /** "Class Form", getPublishedUrl(): the URL to respond to the form. */
  getPublishedUrl(): string {
    return this._viewUrl();
  }
  /**
   * "Class Form", setPublished(enabled) and isPublished(); forms made by scripts start
   * unpublished after Google's change ("API changes to Google Forms", see FormsState.create).
   */
  setPublished(enabled: boolean): GForm {
    if (typeof enabled !== 'boolean')
      throw new Error("The parameters don't match the method signature for setPublished.");
    this._published = enabled;
    // "Publish and manage responders on the form" (https://developers.google.com/workspace/forms/api/guides/publish-form):
    // form.setPublished(true) "also enables accepting responses".
    if (enabled) this._accepting = true;
    return api<GForm>(this);
  }
  isPublished(): boolean {
    return this._published;
  }
  /** An unpublished form "won't receive responses" ("API changes to Google Forms"); a closed one neither. */
  isAcceptingResponses(): boolean {
    return this._published && this._accepting;
  }

  private addItem(kind: ItemKind): FakeFormItem {
    const item = new FakeFormItem(this, this.nextItemId, kind, 1_900_000_000 - this.nextItemId * 7);
    this.nextItemId++;
    this._items.push(item);
    this._titleChanged();
    return item;
  }
  addListItem(): GListItem {
    return api<GListItem>(this.addItem('LIST'));
  }
  addCheckboxItem(): GCheckboxItem {
    return api<GCheckboxItem>(this.addItem('CHECKBOX'));
  }
  addMultipleChoiceItem(): GMultipleChoiceItem {
    return api<GMultipleChoiceItem>(this.addItem('MULTIPLE_CHOICE'));
  }
  addParagraphTextItem(): GParagraphTextItem {
    return api<GParagraphTextItem>(this.addItem('PARAGRAPH_TEXT'));
  }
  /**
   * "Class Form", getItemById(id): the item, or null when there is none with that id (typed
   * non-null like the real API).
   */
  getItemById(id: number): GItem {
    if (typeof id !== 'number') throw new Error("The parameters don't match the method signature for getItemById.");
    const item = this._items.find((candidate) => candidate._id === id);
    return (item ? api<GItem>(item) : null) as GItem;
  }

  /**
   * "Class Form", setDestination(type, id): the answers go to a new sheet of that spreadsheet
   * ("Enum DestinationType": SPREADSHEET is the only type). Its header is Timestamp, then the
   * questions in order.
   */
  setDestination(type: unknown, id: string): GForm {
    if (String(type) !== 'SPREADSHEET') throw new Error('Invalid argument: type');
    const spreadsheet = this.state.spreadsheets.get(checkString('Form.setDestination', id));
    if (!spreadsheet) throw new Error(FORM_NOT_FOUND_MESSAGE);
    let n = 1;
    while (spreadsheet.getSheetByName(`Form Responses ${n}`)) n++;
    const sheetName = `Form Responses ${n}`;
    const answers = spreadsheet.insertSheet(sheetName) as unknown as FakeSheet;
    answers._formUrl = this._editUrl();
    this._destination = { spreadsheet, sheetName };
    this._titleChanged();
    return api<GForm>(this);
  }
  /** "Class Form", getDestinationId(): throws when the form has no response destination. */
  getDestinationId(): string {
    if (!this._destination) throw new Error('This form does not currently have a response destination.');
    return this._destination.spreadsheet._id;
  }
  createResponse(): GFormResponse {
    return api<GFormResponse>(new FakeFormResponse(this));
  }

  _answersSheet(): FakeSheet | null {
    if (!this._destination) return null;
    return this._destination.spreadsheet.getSheetByName(this._destination.sheetName) as unknown as FakeSheet | null;
  }

  /** The answers sheet's header row: Timestamp, then the questions in order (the fake keeps it so). */
  _titleChanged(): void {
    const sheet = this._answersSheet();
    if (!sheet) return;
    const header = ['Timestamp', ...this._items.map((item) => item.title)];
    sheet.getRange(1, 1, 1, header.length).setValues([header]);
  }
}

/** The forms that exist, and what a test does to them (respond, delete). */
export class FormsState {
  readonly forms = new Map<string, FakeForm>();
  private seq = 0;
  constructor(
    private readonly ctx: FakeContext,
    readonly spreadsheets: ReadonlyMap<string, FakeSpreadsheet>,
  ) {}

  /**
   * A form made by a script. Google's "API changes to Google Forms" page: forms created by API after
   * June 30, 2026 "will be created in an unpublished state. You must publish the forms before
   * they can accept responses" (https://developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms).
   */
  create(title: string): FakeForm {
    const id = `1FakeForm${String(++this.seq).padStart(4, '0')}${'x'.repeat(30)}`;
    const form = new FakeForm(this, id, title, false);
    form._editors.add(this.ctx.currentUser());
    this.forms.set(id, form);
    return form;
  }

  byId(id: string): FakeForm | null {
    const form = this.forms.get(id);
    return form && !form._deleted ? form : null;
  }

  /**
   * The form, for the running user. A form is a Drive file of its own: FormApp.openById(id)
   * ("Class FormApp", https://developers.google.com/apps-script/reference/forms/form-app) opens it
   * for its editors only, not for an editor of the spreadsheet its answers go to, whom the
   * fake answers as for a form that does not exist.
   */
  openable(id: string): FakeForm | null {
    const form = this.byId(id);
    return form && form._editors.has(this.ctx.currentUser()) ? form : null;
  }

  /** Test helper: the owner closes the published form in the form editor ("Accepting responses" off). */
  close(id: string): void {
    const form = this.forms.get(id);
    if (form) form._accepting = false;
  }

  /** Test helper: the owner deletes the form in Drive. */
  delete(id: string): void {
    const form = this.forms.get(id);
    if (form) form._deleted = true;
  }

  /**
   * Test helper: someone submits the form. As Google does, a row is appended to the answers sheet:
   * the Timestamp (now), then each question's answer in the form's order (ticked checkboxes
   * joined by ", "). Refused when the form does not accept responses.
   */
  submit(id: string, answers: Record<string, string | string[]>): void {
    const form = this.byId(id);
    if (!form) throw new Error(`gas-fake: no form ${id}`);
    if (!form.isAcceptingResponses()) throw new Error('gas-fake: this form is not accepting responses');
    if (!form._destination) throw new Error('gas-fake: this form has no answers sheet');
    const sheet = form._answersSheet();
    if (!sheet) throw new Error('gas-fake: the answers sheet was deleted');
    const row = [
      new Date(this.ctx.clock.now()),
      ...form._items.map((item) => {
        const answer = answers[item.title] ?? '';
        return Array.isArray(answer) ? answer.join(', ') : answer;
      }),
    ];
    sheet._appendRow(row);
  }
}

/** The global FormApp. */
export class FakeFormApp implements Pick<GFormApp, 'DestinationType' | 'create' | 'openById'> {
  static readonly fakeInfo: FakeInfo = { service: 'forms', cls: 'FormApp' };
  /** "Enum DestinationType": SPREADSHEET. Enums are their names in this fake. */
  readonly DestinationType = asEnum<typeof GoogleAppsScript.Forms.DestinationType>({ SPREADSHEET: 'SPREADSHEET' });
  constructor(private readonly forms: FormsState) {}

  /** "Class FormApp", create(title): "Creates and returns a new Form". */
  create(title: string): GForm {
    return api<GForm>(this.forms.create(checkString('FormApp.create', title)));
  }
  /** "Class FormApp", openById(id): throws when there is no such form (or it was deleted). */
  openById(id: string): GForm {
    const form = this.forms.openable(checkString('FormApp.openById', id));
    if (!form) throw new Error(FORM_NOT_FOUND_MESSAGE);
    return api<GForm>(form);
  }
}
