// The only way the sidebar builds HTML: elements and text nodes, never markup strings. Every
// value from the sheet (names, workflows, notes, reasons) arrives as a text node, so a cell
// holding `<img onerror=…>` shows as those characters and runs nothing.

export type Child = Node | string | number | null | undefined | false | readonly Child[];

/** Attribute values; `false`, null and undefined leave the attribute out, `true` sets it empty. */
export type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue | ((event: Event) => void)>;

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child as readonly Child[]) append(parent, c);
  } else if (child instanceof Node) {
    parent.appendChild(child);
  } else {
    parent.appendChild(document.createTextNode(String(child)));
  }
}

/**
 * Creates an element. Keys starting with "on" take a listener (`onclick: () => …`); `class`
 * sets the class attribute; every other value is set as an attribute, never as HTML.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (typeof value === 'function') {
      node.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (/^on/i.test(name) || /^(href|src|srcdoc|formaction|action)$/i.test(name)) {
      // Handlers only as functions, and no URL or document from a string: a string here could
      // come from a cell, and would run as script.
      throw new Error(`el(): "${name}" must be set in code, not from a string.`);
    } else if (value === true) {
      node.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      node.setAttribute(name, String(value));
    }
  }
  for (const child of children) append(node, child);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * An SVG element, for the sidebar's small charts: attributes set one by one as by `el` (numbers
 * and code strings; no listeners, no links), children appended as nodes or text nodes.
 */
export function svg(tag: string, attrs?: Record<string, AttrValue> | null, ...children: Child[]): SVGElement {
  const node = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (/^on/i.test(name) || /href$/i.test(name))
      throw new Error(`svg(): "${name}" must be set in code, not from a string.`);
    if (value !== false && value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  for (const child of children) append(node, child);
  return node;
}

/** Replaces the children of `parent` with `children`. */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  for (const child of children) append(parent, child);
}

/** The element with this id, which the page's HTML must contain. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`The page is missing its #${id} element.`);
  return node as T;
}

let idCounter = 0;
/** A fresh id for tying a label or description to its control. */
export function uniqueId(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/**
 * Text the team typed (a name, a workflow, a sheet, an email), isolated as <bdi>: a
 * right-to-left override or other bidi control inside it cannot reorder the text after it.
 */
export function teamText(text: string): HTMLElement {
  return el('bdi', null, text);
}

/** Team strings as one run of text ("Ana, Ben"), each isolated; `describe` adds words after one. */
export function teamList<T>(items: readonly T[], text: (item: T) => string, describe?: (item: T) => string): Child[] {
  return items.map((item, i) => [i > 0 && ', ', teamText(text(item)), describe?.(item)]);
}

/**
 * A sentence the server wrote around team strings ("Ana ran Client proposal twice"), with each
 * of the `known` team strings in it isolated as by teamText; the rest stays plain text.
 */
export function sentence(text: string, known: readonly string[]): Child[] {
  const strings = [...new Set(known.filter((k) => k.trim() !== ''))].sort((a, b) => b.length - a.length);
  if (strings.length === 0) return [text];
  const pattern = new RegExp(strings.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const out: Child[] = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index! > at) out.push(text.slice(at, match.index));
    out.push(teamText(match[0]));
    at = match.index! + match[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
