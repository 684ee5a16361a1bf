package waymark.bench.peer;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;

/**
 * The peer arm's process. Builds the engine, deploys the models and prints `ready`; then for
 * each `start <processKey> <id>` line on stdin starts an instance of that process with business
 * key `<id>` on a pool of start threads and prints `started <id>` when the start call has returned (committed) and
 * `done <id>` once the instance has completed (CompletionListener), or `error <id> <message>`.
 * Closes the engine and exits at the end of stdin.
 */
public final class PeerMain {
  private PeerMain() {}

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    ProcessEngine engine = EngineFactory.build(o);
    for (String file : o.bpmnFiles) deploy(engine, file);
    ExecutorService starts = Executors.newFixedThreadPool(o.startThreads);
    Output.line("ready");
    serve(engine.getRuntimeService(), starts);
    starts.shutdown();
    starts.awaitTermination(30, TimeUnit.SECONDS);
    engine.close();
    System.exit(0);
  }

  private static void deploy(ProcessEngine engine, String file) throws IOException {
    String name = Path.of(file).getFileName().toString().replaceFirst("\\.[^.]*$", "");
    try (InputStream bpmn = new FileInputStream(file)) {
      engine.getRepositoryService().createDeployment()
          .addInputStream(name + ".bpmn20.xml", bpmn).deploy();
    }
  }

  private static void serve(RuntimeService runtime, ExecutorService starts) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] parts = line.trim().split(" ");
      if (parts.length != 3 || !parts[0].equals("start")) continue;
      starts.execute(() -> start(runtime, parts[1], parts[2]));
    }
  }

  private static void start(RuntimeService runtime, String key, String id) {
    try {
      runtime.startProcessInstanceByKey(key, id);
      Output.line("started " + id);
    } catch (RuntimeException e) {
      Output.line("error " + id + " " + String.valueOf(e.getMessage()).replace('\n', ' '));
    }
  }
}
