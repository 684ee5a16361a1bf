/**
 * FEEL at compile time: telling FEEL (`=expr`) from static values, turning a static value
 * from the modeler into the equivalent FEEL literal, and syntax-checking expressions with
 * feelin's parser (a tree with an error node is a syntax error). Nothing is evaluated here.
 */
import { parseExpression } from 'feelin';

/** A value as written in the XML: FEEL when it starts with `=`, else a static value. */
export interface SourceValue {
  isFeel: boolean;
  /** FEEL source without the `=`, or the static text. */
  text: string;
}

/** Splits `=expr` from a static value. */
export function readSource(raw: string): SourceValue {
  const trimmed = raw.trim();
  return trimmed.startsWith('=')
    ? { isFeel: true, text: trimmed.slice(1).trim() }
    : { isFeel: false, text: raw };
}

/** The FEEL literal equal to a static value: numbers and booleans as is, anything else a string. */
export function staticToFeel(value: string): string {
  const v = value.trim();
  if (v === 'true' || v === 'false' || /^-?\d+(\.\d+)?$/.test(v)) return v;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A FEEL expression for a raw value: FEEL as is (without `=`), static values as literals. */
export function toFeel(raw: string): string {
  const source = readSource(raw);
  return source.isFeel ? source.text : staticToFeel(source.text);
}

/** Why `expression` does not parse as a FEEL expression, or undefined when it does. */
export function feelSyntaxError(expression: string): string | undefined {
  if (expression.trim() === '') return 'is empty';
  let errorAt: number | undefined;
  try {
    const tree = parseExpression(expression, {}, undefined);
    tree.iterate({
      enter(node) {
        if (errorAt === undefined && node.type.isError) errorAt = node.from;
        return errorAt === undefined;
      },
    });
  } catch (err) {
    return `cannot be parsed (${err instanceof Error ? err.message : String(err)})`;
  }
  if (errorAt === undefined) return undefined;
  const near = expression.slice(errorAt, errorAt + 20);
  return `has a syntax error at offset ${errorAt}${near ? ` near "${near}"` : ' (unexpected end)'}`;
}
