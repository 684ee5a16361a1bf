package waymark.bench.peer;

import java.util.List;

/**
 * The runner's arguments: `--jdbc=URL [--user=U] [--password=P] --bpmn=FILE[,FILE…]
 * [--start-threads=N] [--job-threads=N] [--connections=N] [--acquire-wait-ms=N]`.
 */
final class Options {
  String jdbcUrl;
  String user = "sa";
  String password = "";
  List<String> bpmnFiles = List.of();
  int startThreads = 16;
  int jobThreads = 8;
  int connections = 24;
  /** Between async-job acquisition queries (Flowable's default: 10 s; see EngineFactory). */
  int acquireWaitMs = 100;

  static Options parse(String[] args) {
    Options o = new Options();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) throw new IllegalArgumentException("bad argument: " + arg);
      String name = arg.substring(2, eq);
      String value = arg.substring(eq + 1);
      switch (name) {
        case "jdbc" -> o.jdbcUrl = value;
        case "user" -> o.user = value;
        case "password" -> o.password = value;
        case "bpmn" -> o.bpmnFiles = List.of(value.split(","));
        case "start-threads" -> o.startThreads = Integer.parseInt(value);
        case "job-threads" -> o.jobThreads = Integer.parseInt(value);
        case "connections" -> o.connections = Integer.parseInt(value);
        case "acquire-wait-ms" -> o.acquireWaitMs = Integer.parseInt(value);
        default -> throw new IllegalArgumentException("unknown argument: --" + name);
      }
    }
    if (o.jdbcUrl == null || o.bpmnFiles.isEmpty())
      throw new IllegalArgumentException("--jdbc and --bpmn are required");
    return o;
  }
}
