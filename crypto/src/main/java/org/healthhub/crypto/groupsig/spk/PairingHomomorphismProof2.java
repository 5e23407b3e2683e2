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
 * klap20's opening proof: knowledge of {@code xx ∈ G2} with {@code e1 = e(g1, xx)} and
 * {@code tau = e(g2, xx)}, the message {@code bn} LAST in the transcript:
 * {@code c = Chal(g1 ‖ g2 ‖ e1 ‖ tau ‖ e(g1, rr) ‖ e(g2, rr) ‖ bn)}, {@code s = rr + xx·c}.
 */
public record PairingHomomorphismProof2(Fr c, G2 s, GT tau) {
  private static final Set<String> FIELDS = Set.of("c", "s", "tau");

  public static PairingHomomorphismProof2 prove(
      G2 xx, G1 g1, G1 g2, GT e1, GT tau, byte[] bn, RandomScalars rng) {
    G2 rr = G2.random(rng);
    Fr c = challenge(g1, g2, e1, tau, Pairing.pairing(g1, rr), Pairing.pairing(g2, rr), bn);
    return new PairingHomomorphismProof2(c, rr.add(xx.mul(c)), tau);
  }

  public boolean verifies(G1 g1, G1 g2, GT e1, byte[] bn) {
    GT rr1 = Pairing.pairing(g1, s).div(e1.pow(c));
    GT rr2 = Pairing.pairing(g2, s).div(tau.pow(c));
    return challenge(g1, g2, e1, tau, rr1, rr2, bn).equals(c);
  }

  private static Fr challenge(G1 g1, G1 g2, GT e1, GT e2, GT rr1, GT rr2, byte[] bn) {
    return new Transcript().add(g1).add(g2).add(e1).add(e2).add(rr1).add(rr2).add(bn).challenge();
  }

  public String toBase64() {
    return new Fields.Writer().put("c", c).put("s", s).put("tau", tau).toBase64();
  }

  public static PairingHomomorphismProof2 fromBase64(String base64)
      throws MalformedInputException {
    Fields fields = Fields.readBase64("pairing-homomorphism proof", base64, FIELDS);
    return new PairingHomomorphismProof2(fields.fr("c"), fields.g2("s"), fields.gt("tau"));
  }
}
