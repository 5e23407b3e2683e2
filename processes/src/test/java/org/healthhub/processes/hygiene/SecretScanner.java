package org.healthhub.processes.hygiene;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;

/**
 * Looks for registered secrets (keys, shares, data keys, passphrases, record plaintext) wherever
 * the running system writes: every engine table (runtime, history, identity, byte arrays), log
 * text, every blob in storage, and every transaction's calldata and every event log on the chain.
 * Each secret is sought in the encodings code would print it with ({@link Needle}); byte-array
 * columns that hold gzip are also searched decompressed. Java-serialized values need no
 * deserializing: serialization writes byte arrays verbatim and strings as (modified) UTF-8.
 *
 * <p>Use: {@code SecretScanner.builder().bytes("data key of r1", key).text("diagnosis", text).build()},
 * then {@link #engine}, {@link #log}, {@link #blobs}, {@link #chain}; each returns the hits, empty
 * when nothing leaked. {@link AppSecrets} registers everything the engine app holds.
 */
public final class SecretScanner {

  private final List<Needle> needles;

  private SecretScanner(List<Needle> needles) {
    this.needles = List.copyOf(needles);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** How many secrets are sought (a scan of zero secrets proves nothing: check this). */
  public int secretCount() {
    return needles.size();
  }

  /** Every row of every {@code ACT_*} table behind the engine's data source. */
  public List<SecretHit> engine(DataSource engine) throws SQLException {
    List<SecretHit> hits = new ArrayList<>();
    EngineRows.forEachValue(engine, (location, value) -> {
      if (value instanceof byte[] bytes) {
        match(hits, "engine", location, needle -> needle.inBytes(bytes));
        gunzipped(bytes).ifPresent(inflated ->
            match(hits, "engine", location + " (gzip)", needle -> needle.inBytes(inflated)));
      } else if (value != null) {
        String text = value.toString();
        match(hits, "engine", location, needle -> needle.inText(text));
      }
    });
    return hits;
  }

  /** Every line of {@code log} (the run's captured output, or a log file's content). */
  public List<SecretHit> log(String log) {
    List<SecretHit> hits = new ArrayList<>();
    String[] lines = log.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      match(hits, "log", "line " + (i + 1), needle -> needle.inText(line));
    }
    return hits;
  }

  /** Every blob {@code source} holds, as stored (records are ciphertext: only plaintext could match). */
  public List<SecretHit> blobs(BlobSource source) throws IOException {
    List<SecretHit> hits = new ArrayList<>();
    source.forEachBlob((name, content) -> match(hits, "blob", name, needle -> needle.inBytes(content)));
    return hits;
  }

  /** Every transaction's calldata and every receipt's logs (data and topics) on the chain at {@code rpcUrl}. */
  public List<SecretHit> chain(URI rpcUrl) throws IOException, InterruptedException {
    List<SecretHit> hits = new ArrayList<>();
    new ChainHistory(rpcUrl).forEachHex((location, hex) -> match(hits, "chain", location, needle -> needle.inHex(hex)));
    return hits;
  }

  private void match(List<SecretHit> hits, String place, String location, Function<Needle, Optional<String>> find) {
    for (Needle needle : needles) {
      find.apply(needle).ifPresent(encoding -> hits.add(new SecretHit(needle.label(), place, location, encoding)));
    }
  }

  private static Optional<byte[]> gunzipped(byte[] bytes) {
    if (bytes.length < 2 || bytes[0] != (byte) 0x1f || bytes[1] != (byte) 0x8b) {
      return Optional.empty();
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return Optional.of(in.readAllBytes());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Registers secrets under labels; the labels, never the values, appear in hits. */
  public static final class Builder {
    private final List<Needle> needles = new ArrayList<>();

    /** A binary secret (a key, a share): at least 8 bytes. */
    public Builder bytes(String label, byte[] secret) {
      needles.add(Needle.ofBytes(label, secret));
      return this;
    }

    /** A text secret (a passphrase, a record's plaintext, an encoded key): at least 8 UTF-8 bytes. */
    public Builder text(String label, String secret) {
      needles.add(Needle.ofText(label, secret));
      return this;
    }

    public SecretScanner build() {
      return new SecretScanner(needles);
    }
  }
}
