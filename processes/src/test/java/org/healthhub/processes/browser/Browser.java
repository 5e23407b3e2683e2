package org.healthhub.processes.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One headless chromium (the system's), driven by {@code src/test/browser/journey.cjs} through
 * playwright-core: each {@link #step} is a line of JSON to the script and a line of JSON back. The
 * browser holds one context per signed-in user, so several people act side by side.
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Path SCRIPT = Path.of("src", "test", "browser", "journey.cjs");
  private static final List<Path> CHROMIUM = List.of(Path.of("/usr/lib/chromium/chromium"), Path.of("/usr/bin/chromium"));
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process node;
  private final BufferedWriter toScript;
  private final BufferedReader fromScript;

  private Browser(Process node) {
    this.node = node;
    this.toScript = new BufferedWriter(new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8));
    this.fromScript = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Starts the browser against the app at {@code baseUrl}; fails when chromium or the npm tools are missing. */
  static Browser start(String baseUrl) throws IOException {
    Path tools = Path.of(System.getProperty("healthhub.tools.dir", "../tools"));
    if (!Files.isDirectory(tools.resolve("node_modules/playwright-core"))) {
      throw new IllegalStateException("playwright-core is not in " + tools + "/node_modules: run ./healthhub setup");
    }
    Path chromium = CHROMIUM.stream().filter(Files::isExecutable).findFirst()
        .orElseThrow(() -> new IllegalStateException("no chromium at " + CHROMIUM + ": run ./healthhub setup"));
    Files.createDirectories(SCREENSHOTS);
    try (var old = Files.newDirectoryStream(SCREENSHOTS, "*.png")) {
      for (Path png : old) {
        Files.delete(png);
      }
    }
    ProcessBuilder builder = new ProcessBuilder("node", SCRIPT.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().putAll(Map.of("HEALTHHUB_BASE_URL", baseUrl, "HEALTHHUB_TOOLS_DIR", tools.toAbsolutePath().toString(),
        "CHROMIUM", chromium.toString(), "HEALTHHUB_SCREENSHOTS", SCREENSHOTS.toAbsolutePath().toString()));
    return new Browser(builder.start());
  }

  /**
   * Runs one step of the script ({@code signIn}, {@code startProcess}, {@code completeTask}, {@code open},
   * {@code click}, {@code shoot}) with its arguments given as name, value pairs; returns the script's answer.
   *
   * @throws AssertionError when the step failed in the browser (the answer's error, with a screenshot of the page)
   */
  JsonNode step(String step, Object... arguments) throws IOException {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("step", step);
    for (int i = 0; i < arguments.length; i += 2) {
      request.put((String) arguments[i], arguments[i + 1]);
    }
    toScript.write(JSON.writeValueAsString(request));
    toScript.newLine();
    toScript.flush();
    String line = fromScript.readLine();
    if (line == null) {
      throw new AssertionError("the browser script ended during step " + step);
    }
    JsonNode answer = JSON.readTree(line);
    if (!answer.path("ok").asBoolean()) {
      throw new AssertionError("browser step " + step + " " + request + " failed: " + answer.path("error").asText());
    }
    return answer;
  }

  /** Closes every context and the browser: the script closes it when its input ends. */
  @Override
  public void close() throws IOException, InterruptedException {
    toScript.close();
    if (!node.waitFor(30, TimeUnit.SECONDS)) {
      // SIGTERM lets playwright close chromium; only a script that ignores it is killed.
      node.destroy();
      if (!node.waitFor(10, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    }
  }
}
