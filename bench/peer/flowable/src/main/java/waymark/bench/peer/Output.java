package waymark.bench.peer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/** Lines to the runner on stdout, one at a time from any thread, each flushed at once. */
final class Output {
  private static final BufferedWriter OUT =
      new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));

  private Output() {}

  static synchronized void line(String text) {
    try {
      OUT.write(text);
      OUT.newLine();
      OUT.flush();
    } catch (IOException e) {
      // The runner has gone: nothing left to report to.
      System.exit(3);
    }
  }
}
