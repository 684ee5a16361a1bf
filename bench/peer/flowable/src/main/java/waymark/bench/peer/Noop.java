package waymark.bench.peer;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/** The peer's service task: completes at once with no variables, like Waymark's `noop`. */
public class Noop implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {}
}
