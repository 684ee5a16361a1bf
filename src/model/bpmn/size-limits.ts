/**
 * The compiler's size checks (limits.ts), each a problem with the numbers: the XML's size
 * (before parsing: a huge text is refused without the cost of reading it), the number of flow
 * elements (after parsing, before any rule runs), and the size of the IR (after building it:
 * an IR that does not fit a workflow input could never start).
 */
import type { ProcessIR } from './ir';
import type { CompileLimits } from './limits';
import type { Problem, RuleContext } from './types';

/** UTF-8 bytes of a text. */
function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Problem `model-size` when the XML exceeds `maxXmlBytes`. */
export function xmlSizeProblem(xml: string, limits: CompileLimits): Problem | undefined {
  const bytes = utf8Bytes(xml);
  if (bytes <= limits.maxXmlBytes) return undefined;
  return {
    rule: 'model-size',
    message: `The model is ${bytes} bytes of XML, over the limit of ${limits.maxXmlBytes} bytes (WAYMARK_MAX_MODEL_BYTES)`,
  };
}

/** Problem `model-elements` when the processes hold more than `maxElements` flow elements. */
export function elementLimitProblem(ctx: RuleContext, limits: CompileLimits): Problem | undefined {
  const count = ctx.processes.reduce((n, p) => n + p.nodes.length + p.flows.length, 0);
  if (count <= limits.maxElements) return undefined;
  return {
    rule: 'model-elements',
    message: `The model has ${count} flow elements (nodes and sequence flows), over the limit of ${limits.maxElements} (WAYMARK_MAX_MODEL_ELEMENTS)`,
  };
}

/** Problem `ir-size` when the compiled IR would not fit a workflow start input. */
export function irSizeProblem(ir: ProcessIR, limits: CompileLimits): Problem | undefined {
  const bytes = utf8Bytes(JSON.stringify(ir));
  if (bytes <= limits.maxIrBytes) return undefined;
  return {
    rule: 'ir-size',
    message: `The compiled model is ${bytes} bytes, over the ${limits.maxIrBytes} bytes an instance's start input leaves for it (WAYMARK_PAYLOAD_LIMIT less 64 KiB for variables): no instance could start`,
  };
}
