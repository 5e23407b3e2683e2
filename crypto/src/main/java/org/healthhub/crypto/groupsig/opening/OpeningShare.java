package org.healthhub.crypto.groupsig.opening;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.Fr;

/**
 * One manager's additive share (s1, s2) of the opening secret (xi1, xi2): the Group Manager holds
 * (a1, a2), the Revocation Manager (b1, b2), with xi1 = a1 + b1 and xi2 = a2 + b2. A share alone is
 * two uniformly random scalars and says nothing about (xi1, xi2). Immutable; never printed. Export:
 * {@code base64(JSON({"scheme", "type": "opening-share", "key": {"role", "s1", "s2"}}))}.
 */
public final class OpeningShare {
  private static final String TYPE = "opening-share";
  private static final Set<String> FIELDS = Set.of("role", "s1", "s2");

  private final String scheme;
  private final ManagerRole role;
  final Fr s1;
  final Fr s2;

  OpeningShare(String scheme, ManagerRole role, Fr s1, Fr s2) {
    this.scheme = scheme;
    this.role = role;
    this.s1 = s1;
    this.s2 = s2;
  }

  public String scheme() {
    return scheme;
  }

  public ManagerRole role() {
    return role;
  }

  /** The share's export. It holds the secret: store it only encrypted, in its holder's keystore. */
  public String toBase64() {
    Fields.Writer fields =
        new Fields.Writer().putText("role", role.label()).put("s1", s1).put("s2", s2);
    return Containers.exportKey(scheme, TYPE, fields);
  }

  public static OpeningShare fromBase64(String scheme, String base64)
      throws MalformedInputException {
    Fields f = Containers.importKey(base64, Set.of(scheme), TYPE, FIELDS);
    return new OpeningShare(scheme, ManagerRole.ofLabel(f.text("role")), f.fr("s1"), f.fr("s2"));
  }

  @Override
  public String toString() {
    return "OpeningShare[" + scheme + ", " + role + ", secret]";
  }
}
