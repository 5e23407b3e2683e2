package org.healthhub.crypto.groupsig.klap20;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.groupsig.spk.DiscreteLogProof;
import org.healthhub.crypto.mcl.G1;

/** KLAP20 signature: the randomized credential {@code (uu, vv, ww)} and the proof {@code pi}. */
public final class Klap20Signature implements GroupSignature {
  private static final Set<String> FIELDS = Set.of("uu", "vv", "ww", "pi");

  final G1 uu;
  final G1 vv;
  final G1 ww;
  final DiscreteLogProof pi;

  Klap20Signature(G1 uu, G1 vv, G1 ww, DiscreteLogProof pi) {
    this.uu = uu;
    this.vv = vv;
    this.ww = ww;
    this.pi = pi;
  }

  @Override
  public String scheme() {
    return Klap20.NAME;
  }

  @Override
  public String toBase64() {
    return Containers.exportSignature(
        Klap20.NAME,
        new Fields.Writer().put("uu", uu).put("vv", vv).put("ww", ww).raw("pi", pi.toBase64()));
  }

  /** What the opening proof binds: the ASCII of the canonical re-export. */
  byte[] canonicalBytes() {
    return toBase64().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Reads a signature; {@code uu = 0} is rejected, since {@code uu = vv = ww = 0} satisfies the
   * pairing check and makes the proof's challenge independent of {@code s} (pygroupsig accepts
   * that forgery).
   */
  static Klap20Signature fromBase64(String base64) throws MalformedInputException {
    Fields f = Containers.importSignature("klap20 signature", base64, Set.of(Klap20.NAME), FIELDS);
    return new Klap20Signature(
        f.g1("uu").requireNonZero("klap20 signature uu"),
        f.g1("vv"),
        f.g1("ww"),
        DiscreteLogProof.fromBase64(f.string("pi")));
  }

  @Override
  public String toString() {
    return "Klap20Signature";
  }
}
