package org.healthhub.crypto.groupsig.spk;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.Transcript;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;
import org.healthhub.crypto.mcl.GT;
import org.healthhub.crypto.mcl.Pairing;
import org.healthhub.crypto.mcl.RandomScalars;

/**
 * Proof of knowledge of {@code xx ∈ G2} with {@code G = e(g, xx)} (ps16's opening proof):
 * {@code R = e(g, rr)}, {@code c = Chal(bn ‖ g ‖ G ‖ R)}, {@code s = rr + xx·c}; it verifies when
 * {@code Chal(bn ‖ g ‖ G ‖ e(g, s)/G^c) = c}.
 */
public record PairingHomomorphismProof(Fr c, G2 s) {
  private static final Set<String> FIELDS = Set.of("c", "s");

  public static PairingHomomorphismProof prove(
      G1 g, GT bigG, G2 xx, byte[] bn, RandomScalars rng) {
    G2 rr = G2.random(rng);
    Fr c = challenge(g, bigG, Pairing.pairing(g, rr), bn);
    return new PairingHomomorphismProof(c, rr.add(xx.mul(c)));
  }

  public boolean verifies(G1 g, GT bigG, byte[] bn) {
    GT commitment = Pairing.pairing(g, s).div(bigG.pow(c));
    return challenge(g, bigG, commitment, bn).equals(c);
  }

  private static Fr challenge(G1 g, GT bigG, GT commitment, byte[] bn) {
    return new Transcript().add(bn).add(g).add(bigG).add(commitment).challenge();
  }

  public String toBase64() {
    return new Fields.Writer().put("c", c).put("s", s).toBase64();
  }

  public static PairingHomomorphismProof fromBase64(String base64)
      throws MalformedInputException {
    Fields fields = Fields.readBase64("pairing-homomorphism proof", base64, FIELDS);
    return new PairingHomomorphismProof(fields.fr("c"), fields.g2("s"));
  }
}
