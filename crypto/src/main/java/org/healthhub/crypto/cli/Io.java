package org.healthhub.crypto.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** Reading and writing the text files the commands exchange (one base64 export or JSON each). */
final class Io {
  private Io() {}

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).strip();
  }

  static List<String> readAll(List<Path> files) throws IOException {
    List<String> texts = new ArrayList<>(files.size());
    for (Path file : files) {
      texts.add(read(file));
    }
    return texts;
  }

  static void write(Path file, String text) throws IOException {
    Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
  }

  /** Writes a public value to {@code file}, or prints it when no file is given. */
  static void writeOrPrint(Path file, String text, PrintWriter out) throws IOException {
    if (file == null) {
      out.println(text);
    } else {
      write(file, text);
    }
  }

  /** Writes a secret (a manager or member key, a share) readable by its owner only. */
  static void writeSecret(Path file, String text) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
  }
}
