package org.healthhub.crypto.groupsig.ps16;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.groupsig.spk.DiscreteLogProof;
import org.healthhub.crypto.mcl.G1;

/** PS16 signature: the randomized credential {@code (sigma1, sigma2)} and the proof {@code pi}. */
public final class Ps16Signature implements GroupSignature {
  private static final Set<String> FIELDS = Set.of("sigma1", "sigma2", "pi");

  final G1 sigma1;
  final G1 sigma2;
  final DiscreteLogProof pi;

  Ps16Signature(G1 sigma1, G1 sigma2, DiscreteLogProof pi) {
    this.sigma1 = sigma1;
    this.sigma2 = sigma2;
    this.pi = pi;
  }

  @Override
  public String scheme() {
    return Ps16.NAME;
  }

  @Override
  public String toBase64() {
    return Containers.exportSignature(
        Ps16.NAME,
        new Fields.Writer()
            .put("sigma1", sigma1)
            .put("sigma2", sigma2)
            .raw("pi", pi.toBase64()));
  }

  /** What the opening proof binds: the ASCII of the canonical re-export. */
  byte[] canonicalBytes() {
    return toBase64().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Reads a signature; {@code sigma1 = 0} is rejected, since with {@code sigma1 = sigma2 = 0} the
   * verify equation holds for any {@code s} (pygroupsig accepts that forgery).
   */
  static Ps16Signature fromBase64(String base64) throws MalformedInputException {
    Fields f = Containers.importSignature("ps16 signature", base64, Set.of(Ps16.NAME), FIELDS);
    return new Ps16Signature(
        f.g1("sigma1").requireNonZero("ps16 signature sigma1"),
        f.g1("sigma2"),
        DiscreteLogProof.fromBase64(f.string("pi")));
  }

  @Override
  public String toString() {
    return "Ps16Signature";
  }
}
