package waymark.bench.peer;

import java.util.List;
import org.flowable.common.engine.api.delegate.event.AbstractFlowableEventListener;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.impl.cfg.TransactionState;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Reports `done <businessKey>` when a process instance has completed and the transaction that
 * completed it has committed (a registered listener on PROCESS_COMPLETED, fired on COMMITTED),
 * so a completion counts only once it is durable in the database.
 */
final class CompletionListener extends AbstractFlowableEventListener {
  CompletionListener() {
    setOnTransaction(TransactionState.COMMITTED.name());
  }

  static List<String> types() {
    return List.of(FlowableEngineEventType.PROCESS_COMPLETED.name());
  }

  @Override
  public void onEvent(FlowableEvent event) {
    if (!(event instanceof FlowableEntityEvent entityEvent)) return;
    if (!(entityEvent.getEntity() instanceof ExecutionEntity execution)) return;
    String key = execution.getBusinessKey();
    if (key != null) Output.line("done " + key);
  }

  @Override
  public boolean isFailOnException() {
    return false;
  }
}
