package org.healthhub.crypto.groupsig.opening;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.ManagerKey;
import org.healthhub.crypto.groupsig.SchemeArguments;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.RandomScalars;

/**
 * The full manager key of bbs04 and cpy06 (the same fields in both): the opening secrets xi1, xi2
 * and the issuing secret gamma. pygroupsig's export: {@code {"xi1", "xi2", "gamma"}}. Under dual
 * control it exists only until {@link DualControlOpening#splitManagerKey}.
 */
public final class OpeningManagerKey implements ManagerKey {
  private static final Set<String> FIELDS = Set.of("xi1", "xi2", "gamma");

  private final String scheme;
  private final Fr xi1;
  private final Fr xi2;
  private final Fr gamma;

  public OpeningManagerKey(String scheme, Fr xi1, Fr xi2, Fr gamma) {
    this.scheme = scheme;
    this.xi1 = xi1;
    this.xi2 = xi2;
    this.gamma = gamma;
  }

  @Override
  public String scheme() {
    return scheme;
  }

  /** The signer's credential: A = T3 − (T1·xi1 + T2·xi2). */
  public G1 decrypt(OpeningCiphertext ciphertext) {
    return ciphertext.t3().sub(ciphertext.t1().mul(xi1).add(ciphertext.t2().mul(xi2)));
  }

  DualControlKeys split(OpeningBases bases, RandomScalars rng)
      throws InvalidShareCommitmentsException {
    return DualControlOpener.split(scheme, bases, xi1, xi2, gamma, rng);
  }

  @Override
  public String toBase64() {
    Fields.Writer fields = new Fields.Writer().put("xi1", xi1).put("xi2", xi2).put("gamma", gamma);
    return Containers.exportKey(scheme, "manager", fields);
  }

  /**
   * Imports a full manager key, or else a dual-control {@link IssuingKey} (gamma only).
   *
   * @throws MalformedInputException (the full key's reason) if it is neither
   */
  public static ManagerKey importFullOrIssuing(String scheme, String base64)
      throws MalformedInputException {
    try {
      Fields f = Containers.importKey(base64, Set.of(scheme), "manager", FIELDS);
      return new OpeningManagerKey(scheme, f.fr("xi1"), f.fr("xi2"), f.fr("gamma"));
    } catch (MalformedInputException full) {
      try {
        return IssuingKey.fromBase64(scheme, base64);
      } catch (MalformedInputException issuing) {
        throw full;
      }
    }
  }

  /**
   * The full key of {@code scheme}, for opening alone.
   *
   * @throws MalformedInputException for an issuing key or a key of another scheme
   */
  public static OpeningManagerKey requireFull(String scheme, ManagerKey key)
      throws MalformedInputException {
    OpeningManagerKey full =
        SchemeArguments.require(
            OpeningManagerKey.class,
            key,
            "full "
                + scheme
                + " manager key"
                + " (a dual-control group opens with DualControlOpener)");
    if (!full.scheme.equals(scheme)) {
      throw new MalformedInputException("a " + full.scheme + " manager key given to " + scheme);
    }
    return full;
  }

  /** gamma of a full manager key or of an issuing key of {@code scheme}, for the join. */
  public static Fr issuingSecret(String scheme, ManagerKey key) throws MalformedInputException {
    if (key instanceof IssuingKey issuing && issuing.scheme().equals(scheme)) {
      return issuing.gamma();
    }
    return requireFull(scheme, key).gamma;
  }

  @Override
  public String toString() {
    return "OpeningManagerKey[" + scheme + ", secret]";
  }
}
