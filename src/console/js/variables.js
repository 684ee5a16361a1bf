// The instance page's variables panel: the variables as JSON for a closed instance or another
// kind; for a running BPMN instance an edit control per variable and an "add" row. Save sends
// `PATCH /instances/{id}/variables` with that one variable (the text as JSON, else as a string,
// like the CLI's name=value) and shows a refusal's problem+json. The page redraws on every poll:
// what the operator types is kept as drafts by variable name, and the focused field gets its
// focus and caret back, so a redraw never wipes a value being typed.
import { api, enc } from './api.js';
import { h, mount, table } from './dom.js';

const NEW_NAME = '\u0000name';
const NEW_VALUE = '\u0000value';

function parseValue(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const shown = (value) => JSON.stringify(value) ?? 'null';

function problemText(err) {
  const items = (err.problem?.errors ?? []).map((e) => `${e.path}: ${e.message}`);
  return [`${err.status ?? ''} ${err.message}`.trim(), ...items].join('\n');
}

export class VariablesPanel {
  /** `saved()`: called after a change was accepted (the page refreshes at once). */
  constructor(saved) {
    this.el = h('div', { id: 'variables-panel' });
    this.drafts = new Map();
    this.error = '';
    this.saved = saved;
  }

  /** The focused field of the panel and its caret, to give back after a redraw. */
  focus() {
    const el = document.activeElement;
    if (!el || !this.el.contains(el) || !el.dataset.field) return null;
    return { field: el.dataset.field, start: el.selectionStart, end: el.selectionEnd };
  }

  restore(focus) {
    if (!focus) return;
    const el = [...this.el.querySelectorAll('[data-field]')].find(
      (x) => x.dataset.field === focus.field,
    );
    if (!el) return;
    el.focus();
    if (focus.start !== null) el.setSelectionRange(focus.start, focus.end);
  }

  /** Draws the panel for `instance` (drafts and the last error stay). */
  update(instance) {
    this.instance = instance;
    const variables = instance.variables ?? {};
    if (instance.status !== 'RUNNING' || instance.kind !== 'bpmn') {
      mount(this.el, h('pre', { id: 'variables' }, JSON.stringify(variables, null, 2)));
      return this.el;
    }
    const rows = Object.entries(variables).map(([name, value]) => [
      name,
      this.input(name, shown(value), { 'data-var-input': name }),
      h('button', { 'data-var-save': name, onclick: () => this.saveOne(name, value) }, 'Save'),
    ]);
    rows.push([
      this.input(NEW_NAME, '', { id: 'var-new-name', placeholder: 'name' }),
      this.input(NEW_VALUE, '', { id: 'var-new-value', placeholder: 'value (JSON or text)' }),
      h('button', { id: 'var-add', onclick: () => this.add() }, 'Add'),
    ]);
    mount(
      this.el,
      h('div', { id: 'variables' }, table(['Name', 'Value', ''], rows)),
      this.error ? h('pre', { className: 'error', id: 'variables-error' }, this.error) : null,
    );
    return this.el;
  }

  /** A text field showing the draft typed for `field`, else `initial`. */
  input(field, initial, attrs) {
    const draft = this.drafts.get(field);
    const el = h('input', {
      ...attrs,
      type: 'text',
      'data-field': field,
      className: draft !== undefined && draft !== initial ? 'dirty' : undefined,
    });
    el.value = draft ?? initial;
    el.addEventListener('input', () => this.drafts.set(field, el.value));
    el.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      if (field === NEW_NAME || field === NEW_VALUE) this.add();
      else this.saveOne(field, this.instance.variables?.[field]);
    });
    return el;
  }

  saveOne(name, current) {
    const text = this.drafts.get(name);
    return this.send({ [name]: text === undefined ? current : parseValue(text) }, [name]);
  }

  add() {
    const name = (this.drafts.get(NEW_NAME) ?? '').trim();
    if (!name) {
      this.error = 'a new variable needs a name';
      return this.update(this.instance);
    }
    return this.send({ [name]: parseValue(this.drafts.get(NEW_VALUE) ?? '') }, [
      NEW_NAME,
      NEW_VALUE,
    ]);
  }

  /** PATCHes `variables`; on success the drafts of `fields` are done with. */
  async send(variables, fields) {
    const focus = this.focus();
    try {
      const path = `/instances/${enc(this.instance.instanceId)}/variables`;
      const out = await api('PATCH', path, { variables });
      for (const f of fields) this.drafts.delete(f);
      this.error = '';
      this.instance = { ...this.instance, variables: out.variables };
      this.update(this.instance);
      this.saved?.();
    } catch (err) {
      this.error = problemText(err);
      this.update(this.instance);
      this.restore(focus);
    }
  }
}
