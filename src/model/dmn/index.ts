/**
 * DMN decisions (`kind: 'dmn'`): the compiler from DMN XML to one IR per decision, and the
 * check that tells a DMN document from BPMN.
 */
export { compileDmn, type DmnCompileResult } from './compile';
export { looksLikeDmn } from './parse';
export type * from './ir';
