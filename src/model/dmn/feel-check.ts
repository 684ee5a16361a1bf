/**
 * FEEL syntax checks for DMN at deploy time: expressions and unary tests parse with feelin,
 * given the names the model declares (FEEL names may contain spaces, so the parser must know
 * them). Nothing is evaluated here.
 */
import { parseExpression, parseUnaryTests } from 'feelin';

/** Why `text` does not parse (as an expression or as unary tests), or undefined when it does. */
export function feelError(
  text: string,
  kind: 'expression' | 'unaryTests',
  names: Record<string, unknown>,
): string | undefined {
  if (text.trim() === '') return kind === 'unaryTests' ? undefined : 'is empty';
  let errorAt: number | undefined;
  try {
    const tree =
      kind === 'expression'
        ? parseExpression(text, names, undefined)
        : parseUnaryTests(text, names, undefined);
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
  const near = text.slice(errorAt, errorAt + 20);
  return `has a syntax error at offset ${errorAt}${near ? ` near "${near}"` : ' (unexpected end)'}`;
}

/** The FEEL expression-language URIs (and short names) DMN documents use; absent = FEEL. */
const FEEL_LANGUAGES = new Set([
  'feel',
  'http://www.omg.org/spec/feel/20140401',
  'https://www.omg.org/spec/dmn/20191111/feel/',
  'http://www.omg.org/spec/dmn/20180521/feel/',
  'https://www.omg.org/spec/dmn/20211108/feel/',
  'https://www.omg.org/spec/dmn/20230324/feel/',
]);

/** True when `language` (an `expressionLanguage` attribute) is FEEL or absent. */
export function isFeelLanguage(language: string | undefined): boolean {
  return (
    language === undefined ||
    language.trim() === '' ||
    FEEL_LANGUAGES.has(language.trim().toLowerCase())
  );
}
