/**
 * Elements with no behaviour of their own: abstract task (BPMN 2.0 §10.3.3 "Task"), manual
 * task (§10.3.3 "Manual Task": performed outside any engine) and the none intermediate throw
 * event (§10.5.4). The token passes through; input/output mappings still apply.
 */
import type { PassThroughTaskIR } from '../../model/bpmn/ir';
import type { ElementBehaviour } from './behaviour';

export const passThrough: ElementBehaviour<PassThroughTaskIR> = {
  enter(ctx, token) {
    ctx.complete(token);
  },
};
