/**
 * Jest global teardown: stops the Waymark stack (SIGTERM, so it drains), the dev server and
 * the PostgreSQL server of a WAYMARK_TEST_STORE=postgres run.
 */
export default async function globalTeardown(): Promise<void> {
  const handles = globalThis.__WAYMARK_STACK__;
  if (!handles) return;
  const { stack, devServer, postgres } = handles;
  if (stack.exitCode === null) {
    const exited = new Promise((r) => stack.once('exit', r));
    stack.kill('SIGTERM');
    const timer = setTimeout(() => stack.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
  await devServer.stop();
  await postgres?.stop();
}
