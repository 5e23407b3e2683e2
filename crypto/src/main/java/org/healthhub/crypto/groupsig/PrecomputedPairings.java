package org.healthhub.crypto.groupsig;

import java.util.ArrayList;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;
import org.healthhub.crypto.mcl.GT;
import org.healthhub.crypto.mcl.Pairing;
import org.healthhub.crypto.mcl.SmallExponents;

/**
 * Checks the pairings a pygroupsig group key carries precomputed (bbs04's hw, cpy06's e1..e5)
 * against the points they stand for. Sign and verify may then replace a cached value by the
 * pairing itself (folded into a multi-pairing) or the reverse, and get the same bytes; a key whose
 * cache lies never imports. All claims are checked at once: {@code Π value_i^ρ_i = Π e(p_i·ρ_i,
 * q_i)} with random 64-bit {@code ρ_i}, one final exponentiation for the whole key.
 */
public final class PrecomputedPairings {
  private PrecomputedPairings() {}

  /** {@code value} claims to be {@code e(p, q)}; {@code name} labels it in the error. */
  public record Claim(String name, GT value, G1 p, G2 q) {}

  /**
   * @param what names the key in the error, e.g. "bbs04 group key"
   * @throws MalformedInputException naming the first value that is not the pairing it stands for
   */
  public static void require(String what, List<Claim> claims) throws MalformedInputException {
    List<Fr> rho = SmallExponents.draw(claims.size());
    List<GT> values = new ArrayList<>(claims.size());
    List<G1> ps = new ArrayList<>(claims.size());
    List<G2> qs = new ArrayList<>(claims.size());
    for (int i = 0; i < claims.size(); i++) {
      Claim claim = claims.get(i);
      values.add(claim.value());
      ps.add(claim.p().mul(rho.get(i)));
      qs.add(claim.q());
    }
    if (GT.powVec(values, rho).equals(Pairing.multiPairing(ps, qs))) {
      return;
    }
    for (Claim claim : claims) {
      if (!Pairing.pairing(claim.p(), claim.q()).equals(claim.value())) {
        throw new MalformedInputException(
            what + ": " + claim.name() + " is not the pairing it stands for");
      }
    }
    throw new IllegalStateException(what + ": the batched pairing check failed but no claim does");
  }
}
