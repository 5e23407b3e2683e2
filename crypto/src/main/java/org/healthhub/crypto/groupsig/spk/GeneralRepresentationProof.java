package org.healthhub.crypto.groupsig.spk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.Transcript;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.RandomScalars;

/**
 * Proof of knowledge of witnesses {@code x_a} such that every public value is a sum of bases
 * raised to witnesses: relation j is {@code y_j = Σ g_b·x_a} over its pairs (a, b) of the
 * {@link Representation}. {@code c = Chal(bn ‖ Y ‖ G ‖ IDX ‖ P)} with {@code P_j} the same sums
 * over fresh randomness {@code r_a}, and {@code s_a = r_a − c·x_a}; the verifier rebuilds
 * {@code P_j = y_j·c + Σ g_b·s_a}.
 */
public record GeneralRepresentationProof(Fr c, List<Fr> s) {
  private static final Set<String> FIELDS = Set.of("c", "s");

  public GeneralRepresentationProof {
    s = List.copyOf(s);
  }

  public static GeneralRepresentationProof prove(
      Representation statement, List<Fr> witnesses, byte[] bn, RandomScalars rng) {
    return prove(statement, witnesses, bn, rng, statement::evaluate);
  }

  /**
   * {@link #prove} with the commitments {@code P_j = Σ g_b·r_a} computed by {@code commit} from
   * the randomness, for a signer that has faster ways to multiply its bases (fixed-base tables,
   * known discrete logs); it must return exactly those sums, one per relation, in order.
   */
  public static GeneralRepresentationProof prove(
      Representation statement,
      List<Fr> witnesses,
      byte[] bn,
      RandomScalars rng,
      Function<List<Fr>, List<Point>> commit) {
    if (witnesses.size() != statement.witnessCount()) {
      throw new IllegalArgumentException(
          "statement has " + statement.witnessCount() + " witnesses, got " + witnesses.size());
    }
    List<Fr> randomness = new ArrayList<>(witnesses.size());
    for (int i = 0; i < witnesses.size(); i++) {
      randomness.add(rng.nextFr());
    }
    List<Point> commitments = commit.apply(randomness);
    Fr c = challenge(statement, commitments, bn);
    List<Fr> responses = new ArrayList<>(witnesses.size());
    for (int i = 0; i < witnesses.size(); i++) {
      responses.add(randomness.get(i).sub(c.mul(witnesses.get(i))));
    }
    return new GeneralRepresentationProof(c, responses);
  }

  public boolean verifies(Representation statement, byte[] bn) {
    return verifies(statement, bn, statement::evaluate);
  }

  /**
   * {@link #verifies(Representation, byte[])} with the commitments {@code P_j = y_j·c + Σ g_b·s_a}
   * computed by {@code commit} from the responses and c, for a verifier with faster ways to
   * multiply the statement's fixed bases; it must return exactly those sums, in order.
   */
  public boolean verifies(
      Representation statement, byte[] bn, BiFunction<List<Fr>, Fr, List<Point>> commit) {
    if (s.size() != statement.witnessCount()) {
      return false;
    }
    return challenge(statement, commit.apply(s, c), bn).equals(c);
  }

  private static Fr challenge(Representation statement, List<Point> commitments, byte[] bn) {
    Transcript transcript = new Transcript().add(bn);
    statement.publics().forEach(y -> transcript.add(y.toBytes()));
    statement.bases().forEach(g -> transcript.add(g.toBytes()));
    transcript.add(statement.indexBytes());
    commitments.forEach(p -> transcript.add(p.toBytes()));
    return transcript.challenge();
  }

  public String toBase64() {
    return new Fields.Writer().put("c", c).putFrList("s", s).toBase64();
  }

  public static GeneralRepresentationProof fromBase64(String base64)
      throws MalformedInputException {
    Fields fields = Fields.readBase64("representation proof", base64, FIELDS);
    return new GeneralRepresentationProof(fields.fr("c"), fields.frList("s"));
  }
}
