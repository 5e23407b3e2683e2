package org.healthhub.crypto.groupsig.gl19;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.G1;

/**
 * A blinded GL19 signature (output of {@link Gl19#blind}) or a converted one (output of
 * {@link Gl19#convert}, where {@code nym3} stays the identity): the pseudonym under ElGamal
 * ({@code nym1, nym2, nym3}) and the message point {@code HG1(SHA-256(M))} encrypted to the blind
 * key ({@code c1, c2}). Exported in the signature layout, as pygroupsig does.
 */
public final class Gl19BlindSignature {
  private static final Set<String> FIELDS = Set.of("nym1", "nym2", "nym3", "c1", "c2");

  final G1 nym1;
  final G1 nym2;
  final G1 nym3;
  final G1 c1;
  final G1 c2;

  Gl19BlindSignature(G1 nym1, G1 nym2, G1 nym3, G1 c1, G1 c2) {
    this.nym1 = nym1;
    this.nym2 = nym2;
    this.nym3 = nym3;
    this.c1 = c1;
    this.c2 = c2;
  }

  public String toBase64() {
    return Containers.exportSignature(
        Gl19.NAME,
        new Fields.Writer()
            .put("nym1", nym1)
            .put("nym2", nym2)
            .put("nym3", nym3)
            .put("c1", c1)
            .put("c2", c2));
  }

  /**
   * Reads a blinded or converted signature.
   *
   * @throws MalformedInputException if it is not one, or an element is malformed
   */
  public static Gl19BlindSignature fromBase64(String base64) throws MalformedInputException {
    Fields f =
        Containers.importSignature("gl19 blind signature", base64, Set.of(Gl19.NAME), FIELDS);
    return new Gl19BlindSignature(
        f.g1("nym1"), f.g1("nym2"), f.g1("nym3"), f.g1("c1"), f.g1("c2"));
  }

  @Override
  public String toString() {
    return "Gl19BlindSignature";
  }
}
