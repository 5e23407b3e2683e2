package org.healthhub.crypto.groupsig.gl19;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.groupsig.spk.GeneralRepresentationProof;
import org.healthhub.crypto.mcl.G1;

/**
 * GL19 signature: the randomized credential {@code AA = A·r1}, {@code A_ = AA·isk} and the
 * commitment {@code d}, the proof {@code pi}, the pseudonym encrypted to the converter
 * ({@code nym1, nym2}) and to the extractor ({@code ehy1, ehy2}), and the credential's
 * {@code expiration} (Unix seconds), which the proof binds.
 */
public final class Gl19Signature implements GroupSignature {
  private static final Set<String> FIELDS =
      Set.of("AA", "A_", "d", "pi", "nym1", "nym2", "ehy1", "ehy2", "expiration");

  final G1 bigAA;
  final G1 bigAbar;
  final G1 d;
  final GeneralRepresentationProof pi;
  final G1 nym1;
  final G1 nym2;
  final G1 ehy1;
  final G1 ehy2;
  final long expiration;

  Gl19Signature(
      G1 bigAA,
      G1 bigAbar,
      G1 d,
      GeneralRepresentationProof pi,
      G1 nym1,
      G1 nym2,
      G1 ehy1,
      G1 ehy2,
      long expiration) {
    this.bigAA = bigAA;
    this.bigAbar = bigAbar;
    this.d = d;
    this.pi = pi;
    this.nym1 = nym1;
    this.nym2 = nym2;
    this.ehy1 = ehy1;
    this.ehy2 = ehy2;
    this.expiration = expiration;
  }

  @Override
  public String scheme() {
    return Gl19.NAME;
  }

  @Override
  public String toBase64() {
    return Containers.exportSignature(
        Gl19.NAME,
        new Fields.Writer()
            .put("AA", bigAA)
            .put("A_", bigAbar)
            .put("d", d)
            .raw("pi", pi.toBase64())
            .put("nym1", nym1)
            .put("nym2", nym2)
            .put("ehy1", ehy1)
            .put("ehy2", ehy2)
            .putInteger("expiration", expiration));
  }

  /**
   * Reads a signature; {@code AA = 0} is rejected: with it the issuer equation
   * {@code e(AA, ipk) = e(A_, g2)} holds for {@code A_ = 0} without any credential.
   */
  static Gl19Signature fromBase64(String base64) throws MalformedInputException {
    Fields f = Containers.importSignature("gl19 signature", base64, Set.of(Gl19.NAME), FIELDS);
    return new Gl19Signature(
        f.g1("AA").requireNonZero("gl19 signature AA"),
        f.g1("A_"),
        f.g1("d"),
        GeneralRepresentationProof.fromBase64(f.string("pi")),
        f.g1("nym1"),
        f.g1("nym2"),
        f.g1("ehy1"),
        f.g1("ehy2"),
        f.integer("expiration"));
  }

  @Override
  public String toString() {
    return "Gl19Signature[expiration=" + expiration + "]";
  }
}
