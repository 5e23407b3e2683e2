package org.healthhub.processes.cluster;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.healthhub.processes.EngineApp;
import org.healthhub.workers.config.StandaloneWorkerApplication;

/**
 * A standalone worker in a JVM of its own, run from the workers module's executable jar (what the
 * compose file's worker image runs): it polls one engine node's REST API with its own HTTP client
 * and can be killed in the middle of its tasks.
 */
final class WorkerProcess implements AutoCloseable {

  private static final Duration STARTUP_PATIENCE = Duration.ofMinutes(2);
  private static final String READY_LINE = "standalone workers polling";

  final String name;
  private final Process process;

  private WorkerProcess(String name, Process process) {
    this.name = name;
    this.process = process;
  }

  /** Starts worker {@code name} against {@code engine} and waits until it polls; {@code arguments} are {@code --key=value}. */
  static WorkerProcess start(String name, EngineNode engine, Path dataDir, List<String> arguments)
      throws IOException, InterruptedException {
    // HAPI FHIR's validator (record.validate) alone needs a few hundred MB: 256 MB ran out.
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-XX:TieredStopAtLevel=1",
        "-jar", executableJar().toString(),
        "--healthhub.data-dir=" + dataDir,
        "--healthhub.workers.engine-rest-url=" + engine.restUrl(),
        "--healthhub.workers.worker-id=" + name,
        "--healthhub.workers.engine.user=worker",
        "--healthhub.workers.engine.password=" + EngineApp.passwordOf("worker")));
    command.addAll(arguments);
    Path log = Files.createDirectories(Path.of("target", "cluster-logs")).resolve(name + ".log");
    Files.deleteIfExists(log);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    WorkerProcess worker = new WorkerProcess(name, process);
    worker.awaitPolling(log);
    return worker;
  }

  /** SIGKILL: the tasks it has locked stay locked until their lock expires. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  private void awaitPolling(Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + STARTUP_PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("worker " + name + " exited while starting; see " + log);
      }
      if (Files.exists(log) && Files.readString(log).contains(READY_LINE)) {
        return;
      }
      Thread.sleep(250);
    }
    process.destroyForcibly();
    throw new IllegalStateException("worker " + name + " did not start polling within " + STARTUP_PATIENCE + "; see " + log);
  }

  /** The workers module's {@code -exec.jar}, beside the jar (or classes directory) this test loads the module from. */
  private static Path executableJar() throws IOException {
    Path loadedFrom;
    try {
      loadedFrom = Path.of(StandaloneWorkerApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException("cannot locate the workers module", e);
    }
    try (Stream<Path> siblings = Files.list(loadedFrom.getParent())) {
      return siblings.filter(p -> p.getFileName().toString().matches("healthhub-workers-.*-exec\\.jar"))
          .max(Comparator.comparing(p -> p.toFile().lastModified()))
          .orElseThrow(() -> new IllegalStateException("no healthhub-workers-*-exec.jar beside " + loadedFrom
              + ": build the workers module (mvn -pl processes -am verify packages it)"));
    }
  }
}
