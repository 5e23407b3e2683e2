package org.healthhub.crypto.groupsig.gl19;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;

/**
 * The ElGamal key a GL19 signature is blinded to: {@code pk = g·sk}. Exported, as pygroupsig does,
 * in the signature layout {@code {"scheme": "gl19", "signature": ...}}; the export holds
 * {@code sk}. The converter is given only {@link #publicBase64()}.
 */
public final class Gl19BlindKey {
  private static final Set<String> FIELDS = Set.of("pk", "sk");

  final G1 pk;
  final Fr sk;

  Gl19BlindKey(G1 pk, Fr sk) {
    this.pk = pk;
    this.sk = sk;
  }

  /** pygroupsig's {@code BlindKey.public()}: the raw base64 of {@code pk}, no JSON around it. */
  public String publicBase64() {
    return pk.toBase64();
  }

  /** The export, secret included: store it only encrypted. */
  public String toBase64() {
    return Containers.exportSignature(Gl19.NAME, new Fields.Writer().put("pk", pk).put("sk", sk));
  }

  /**
   * Reads a blind key.
   *
   * @throws MalformedInputException if it is not a gl19 blind key or {@code pk} is the identity
   */
  public static Gl19BlindKey fromBase64(String base64) throws MalformedInputException {
    Fields f = Containers.importSignature("gl19 blind key", base64, Set.of(Gl19.NAME), FIELDS);
    return new Gl19BlindKey(f.g1("pk").requireNonZero("gl19 blind key pk"), f.fr("sk"));
  }

  /** Reads the public part as {@link #publicBase64()} writes it. */
  static G1 publicFromBase64(String base64) throws MalformedInputException {
    return G1.fromBase64(base64).requireNonZero("gl19 blind public key");
  }

  @Override
  public String toString() {
    return "Gl19BlindKey[secret hidden]";
  }
}
