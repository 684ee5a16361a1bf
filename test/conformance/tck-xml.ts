/**
 * Reads DMN TCK test files (the `testCases` XML format): a tiny XML reader for that
 * format's elements, attributes and text, and the conversion of `value` / `list` /
 * `component` nodes to JSON values (xsd:decimal → number, xsd:boolean → boolean,
 * xsi:nil → null, anything else the text).
 */

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Parses `xml` into a tree (no namespaces: prefixes are dropped from element names). */
export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  const body = xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const tag = /<(\/?)([\w:.-]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const top = stack[stack.length - 1];
    if (m[5] !== undefined) {
      top.text += decode(m[5]);
      continue;
    }
    if (m[1]) {
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of m[3].matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]] = decode(a[2]);
    const node: XmlNode = { name: m[2].replace(/^\w+:/, ''), attrs, children: [], text: '' };
    top.children.push(node);
    if (!m[4]) stack.push(node);
  }
  return root;
}

export const child = (n: XmlNode, name: string) => n.children.find((c) => c.name === name);
export const children = (n: XmlNode, name: string) => n.children.filter((c) => c.name === name);

/** The JSON value a `value`, `list` or component-holding node stands for. */
export function valueOf(n: XmlNode): unknown {
  const value = child(n, 'value');
  if (value) return scalar(value);
  const list = child(n, 'list');
  if (list) return children(list, 'item').map(valueOf);
  const components = children(n, 'component');
  if (components.length > 0)
    return Object.fromEntries(components.map((c) => [c.attrs.name, valueOf(c)]));
  if (n.attrs['xsi:nil'] === 'true') return null;
  return null;
}

function scalar(v: XmlNode): unknown {
  if (v.attrs['xsi:nil'] === 'true') return null;
  const type = v.attrs['xsi:type'] ?? '';
  const text = v.text.trim();
  if (/decimal|double|int|long|float/.test(type)) return Number(text);
  if (/boolean/.test(type)) return text === 'true';
  return v.text;
}
