package org.healthhub.processes.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway PostgreSQL cluster for one test class: {@code initdb} into a temporary directory, a
 * free port on 127.0.0.1, one database, stopped and deleted after the class. PostgreSQL refuses to
 * run as root, so under root (CI) every server command runs as the {@code postgres} user the Debian
 * package creates. Register it as a static field with {@code @RegisterExtension}.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback {

  private static final String USER = "healthhub";
  private static final String DATABASE = "healthhub";
  private static final Path DEBIAN_SERVERS = Path.of("/usr/lib/postgresql");

  private Path bin;
  private Path dataDir;
  private int port;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    bin = serverBinaries();
    dataDir = Files.createTempDirectory("healthhub-pg");
    port = freePort();
    if (runsAsRoot()) {
      run(List.of("chown", "postgres:postgres", dataDir.toString()));
    }
    Path cluster = dataDir.resolve("cluster");
    runServerCommand(bin.resolve("initdb").toString(), "-D", cluster.toString(), "-U", USER, "--auth=trust",
        "--encoding=UTF8", "--no-sync");
    runServerCommand(bin.resolve("pg_ctl").toString(), "-D", cluster.toString(), "-l", dataDir.resolve("server.log").toString(),
        "-w", "-o", "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
        "start");
    try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, "")) {
      admin.createStatement().execute("CREATE DATABASE " + DATABASE);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (dataDir == null) {
      return;
    }
    try {
      runServerCommand(bin.resolve("pg_ctl").toString(), "-D", dataDir.resolve("cluster").toString(), "-m", "immediate", "stop");
    } finally {
      deleteRecursively(dataDir);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  public String user() {
    return USER;
  }

  /** Trust authentication on 127.0.0.1: the driver sends it, the server does not check it. */
  public String password() {
    return "unused";
  }

  /** Counts rows with the given SQL; for assertions straight on the engine's tables. */
  public long count(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, password());
        var result = connection.createStatement().executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static Path serverBinaries() throws IOException {
    if (!Files.isDirectory(DEBIAN_SERVERS)) {
      throw new IllegalStateException("PostgreSQL is not installed (apt-get install postgresql; ./healthhub setup does it)");
    }
    try (Stream<Path> versions = Files.list(DEBIAN_SERVERS)) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.naturalOrder())
          .orElseThrow(() -> new IllegalStateException("no initdb under " + DEBIAN_SERVERS));
    }
  }

  private static boolean runsAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void runServerCommand(String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>();
    if (runsAsRoot()) {
      line.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    line.addAll(List.of(command));
    run(line);
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
