package org.healthhub.crypto.groupsig.spk;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.Transcript;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.RandomScalars;

/**
 * Proof of knowledge of x with {@code G = g·x} in G1, bound to a message {@code bn}:
 * {@code c = Chal(bn ‖ G ‖ g ‖ g·r)}, {@code s = r − c·x}; it verifies when
 * {@code Chal(bn ‖ G ‖ g ‖ g·s + G·c) = c}.
 */
public record DiscreteLogProof(Fr c, Fr s) {
  static final Set<String> FIELDS = Set.of("c", "s");

  public static DiscreteLogProof prove(G1 bigG, G1 g, Fr x, byte[] bn, RandomScalars rng) {
    return prove(bigG, g, x, bn, rng, g::mul);
  }

  /**
   * {@link #prove} with the commitment {@code g·r} computed by {@code timesG}, for a caller that
   * has a faster way to multiply {@code g} (it must return exactly {@code g·r}).
   */
  public static DiscreteLogProof prove(
      G1 bigG, G1 g, Fr x, byte[] bn, RandomScalars rng, Function<Fr, G1> timesG) {
    Fr r = rng.nextFr();
    Fr c = challenge(bigG, g, timesG.apply(r), bn);
    return new DiscreteLogProof(c, r.sub(c.mul(x)));
  }

  public boolean verifies(G1 bigG, G1 g, byte[] bn) {
    return challenge(bigG, g, G1.mulVec(List.of(g, bigG), List.of(s, c)), bn).equals(c);
  }

  private static Fr challenge(G1 bigG, G1 g, G1 commitment, byte[] bn) {
    return new Transcript().add(bn).add(bigG).add(g).add(commitment).challenge();
  }

  public String toBase64() {
    return new Fields.Writer().put("c", c).put("s", s).toBase64();
  }

  public static DiscreteLogProof fromBase64(String base64) throws MalformedInputException {
    Fields fields = Fields.readBase64("discrete-log proof", base64, FIELDS);
    return new DiscreteLogProof(fields.fr("c"), fields.fr("s"));
  }
}
