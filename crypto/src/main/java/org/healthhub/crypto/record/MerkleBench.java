package org.healthhub.crypto.record;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.healthhub.crypto.record.merkle.Disclosure;
import org.healthhub.crypto.record.merkle.MerkleTree;
import org.healthhub.crypto.record.merkle.MerkleVerifier;
import org.healthhub.crypto.record.merkle.RecordFields;

/** The Merkle rows of {@link RecordBench}: a 200-field record, a 20-field multiproof. */
final class MerkleBench {
  private static final int FIELDS = 200;
  private static final int DISCLOSED = 20;
  private static final int ROUNDS = 2000;

  private MerkleBench() {}

  static void print() throws Exception {
    ObjectNode record = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < FIELDS; i++) {
      ObjectNode resource = record.with("resource" + i / 10);
      resource.put("field" + i, i % 3 == 0 ? "value " + i : i % 3 == 1 ? Integer.toString(i * 7) : "2026-01-" + (10 + i % 18));
    }
    SecretBytes secret = SecretBytes.random(32);
    RecordFields fields = RecordFields.of(record);
    MerkleTree tree = MerkleTree.build(fields, secret);
    List<String> chosen = new ArrayList<>();
    for (int i = 0; i < DISCLOSED; i++) {
      chosen.add(tree.paths().get(i * FIELDS / DISCLOSED + 3));
    }
    Disclosure disclosure = tree.disclose(chosen);
    for (int i = 0; i < ROUNDS; i++) {
      MerkleTree.build(RecordFields.of(record), secret).disclose(chosen);
      MerkleVerifier.verify(tree.root(), disclosure);
    }
    long build = time(() -> MerkleTree.build(RecordFields.of(record), secret));
    long prove = time(() -> tree.disclose(chosen));
    long verify = time(() -> MerkleVerifier.verify(tree.root(), disclosure));
    System.out.printf("%nMerkle, %d-field record (%d leaves), %d-field multiproof (%d hashes)%n",
        FIELDS, tree.leafCount(), DISCLOSED, disclosure.proof().size());
    System.out.printf("%-44s %10s%n", "operation", "us");
    System.out.printf("%-44s %10.1f%n", "build tree (canonical JSON, HKDF salts, hashes)", build / 1e3);
    System.out.printf("%-44s %10.1f%n", "make 20-field proof", prove / 1e3);
    System.out.printf("%-44s %10.1f%n", "verify 20-field proof", verify / 1e3);
  }

  private interface Step {
    void run() throws Exception;
  }

  /** Median of {@value #ROUNDS} runs, in nanoseconds. */
  private static long time(Step step) throws Exception {
    long[] samples = new long[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      long start = System.nanoTime();
      step.run();
      samples[i] = System.nanoTime() - start;
    }
    java.util.Arrays.sort(samples);
    return samples[ROUNDS / 2];
  }
}
