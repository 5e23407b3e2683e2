package org.healthhub.processes.hygiene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretScannerTest {

  private static final byte[] KEY = new byte[32];

  static {
    new SecureRandom().nextBytes(KEY);
  }

  private final SecretScanner scanner = SecretScanner.builder().bytes("data key", KEY)
      .text("diagnosis", "scanner test diagnosis 4be1").build();

  @TempDir Path dir;

  @Test
  void log_keyAsHexInALine_foundWithLineNumber() {
    String log = "starting\nworker leaked " + HexFormat.of().formatHex(KEY) + " here\n";

    assertThat(scanner.log(log)).extracting(SecretHit::toString).containsExactly("data key in log line 2 (hex)");
  }

  @Test
  void log_keyInsideLongerBase64AtEveryAlignment_found() {
    for (int before = 0; before < 3; before++) {
      byte[] value = new byte[before + KEY.length + 5];
      System.arraycopy(KEY, 0, value, before, KEY.length);
      String log = "value=" + Base64.getEncoder().encodeToString(value);

      assertThat(scanner.log(log)).as("%d bytes before the key", before).extracting(SecretHit::secret)
          .containsExactly("data key");
    }
  }

  @Test
  void log_keyAsJavaByteList_found() {
    assertThat(scanner.log("bytes " + Arrays.toString(KEY))).extracting(SecretHit::encoding).containsExactly("byte list");
  }

  @Test
  void log_nothingSecret_noHit() {
    assertThat(scanner.log("record r1 stored under QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o\n")).isEmpty();
  }

  @Test
  void blobs_plaintextAsUtf16AndRawKeyInFiles_foundOutsideExcludedFolders() throws Exception {
    Files.createDirectories(dir.resolve("keystores"));
    Files.createDirectories(dir.resolve("blobs"));
    Files.write(dir.resolve("blobs/a"), "scanner test diagnosis 4be1".getBytes(StandardCharsets.UTF_16BE));
    Files.write(dir.resolve("blobs/b"), concat(new byte[] {1, 2, 3}, KEY));
    Files.write(dir.resolve("keystores/c"), KEY);

    assertThat(scanner.blobs(BlobSource.directory(dir).excluding("keystores"))).extracting(SecretHit::toString)
        .containsExactlyInAnyOrder("diagnosis in blob blobs/a (UTF-16)", "data key in blob blobs/b (raw)");
  }

  @Test
  void builder_secretShorterThanEightBytes_throwsNamingIt() {
    assertThatThrownBy(() -> SecretScanner.builder().text("pin", "1234"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'pin'");
  }

  @Test
  void hit_toString_namesTheSecretNotItsValue() {
    SecretHit hit = scanner.log(HexFormat.of().formatHex(KEY)).get(0);

    assertThat(hit.toString()).doesNotContain(HexFormat.of().formatHex(KEY));
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] all = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
