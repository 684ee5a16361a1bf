package waymark.bench.peer;

import java.util.List;
import java.util.Map;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * An embedded Flowable engine on the given JDBC database: schema created on first use, the
 * async executor on (it runs `flowable:async` service tasks as persisted jobs), the default
 * `audit` history level, and the completion listener. One change from Flowable's defaults: the
 * async-job acquisition query runs every `acquireWaitMs` (100 ms) instead of every 10 s. A new
 * job is handed to the executor at once after its transaction commits either way, but an
 * exclusive job that finds its process instance locked (par-10's parallel tasks) goes back to
 * the table and waits for the next acquisition; at 10 s one par-10 instance took minutes.
 */
final class EngineFactory {
  private EngineFactory() {}

  static ProcessEngine build(Options o) {
    StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
    cfg.setJdbcUrl(o.jdbcUrl);
    cfg.setJdbcDriver(o.jdbcUrl.startsWith("jdbc:h2:") ? "org.h2.Driver" : "org.postgresql.Driver");
    cfg.setJdbcUsername(o.user);
    cfg.setJdbcPassword(o.password);
    cfg.setJdbcMaxActiveConnections(o.connections);
    cfg.setDatabaseSchemaUpdate("true");
    cfg.setHistoryLevel(HistoryLevel.AUDIT);
    cfg.setAsyncExecutorActivate(true);
    cfg.setAsyncExecutorCorePoolSize(o.jobThreads);
    cfg.setAsyncExecutorMaxPoolSize(o.jobThreads);
    cfg.setAsyncExecutorThreadPoolQueueSize(10_000);
    cfg.setAsyncExecutorDefaultAsyncJobAcquireWaitTime(o.acquireWaitMs);
    Map<String, List<FlowableEventListener>> typed =
        Map.of(CompletionListener.types().get(0), List.of(new CompletionListener()));
    cfg.setTypedEventListeners(typed);
    return cfg.buildProcessEngine();
  }
}
