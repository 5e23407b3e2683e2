package org.healthhub.crypto.groupsig.opening;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.G1;

/**
 * The public commitments to the two opening shares, published with the group: the Group Manager's
 * {@code U1 = first·a1}, {@code U2 = second·a2} and the Revocation Manager's {@code V1 = first·b1},
 * {@code V2 = second·b2}. Anyone checks them against the group key: {@code U1 + V1 = base} and
 * {@code U2 + V2 = base} (because first·xi1 = second·xi2 = base).
 */
public final class ShareCommitments {
  private static final String TYPE = "share-commitments";
  private static final Set<String> FIELDS = Set.of("U1", "U2", "V1", "V2");

  private final String scheme;
  private final G1 u1;
  private final G1 u2;
  private final G1 v1;
  private final G1 v2;

  ShareCommitments(String scheme, G1 u1, G1 u2, G1 v1, G1 v2) {
    this.scheme = scheme;
    this.u1 = u1;
    this.u2 = u2;
    this.v1 = v1;
    this.v2 = v2;
  }

  public String scheme() {
    return scheme;
  }

  /** The commitments (to s1, to s2) of one manager. */
  G1 first(ManagerRole role) {
    return role == ManagerRole.GROUP_MANAGER ? u1 : v1;
  }

  G1 second(ManagerRole role) {
    return role == ManagerRole.GROUP_MANAGER ? u2 : v2;
  }

  /**
   * Checks that the commitments belong to the group whose opening bases are given.
   *
   * @throws InvalidShareCommitmentsException if U1 + V1 or U2 + V2 is not the base
   */
  public void checkAgainst(OpeningBases bases) throws InvalidShareCommitmentsException {
    if (!u1.add(v1).equals(bases.base())) {
      throw new InvalidShareCommitmentsException("U1 + V1 is not the group's opening base");
    }
    if (!u2.add(v2).equals(bases.base())) {
      throw new InvalidShareCommitmentsException("U2 + V2 is not the group's opening base");
    }
  }

  public String toBase64() {
    Fields.Writer fields =
        new Fields.Writer().put("U1", u1).put("U2", u2).put("V1", v1).put("V2", v2);
    return Containers.exportKey(scheme, TYPE, fields);
  }

  public static ShareCommitments fromBase64(String scheme, String base64)
      throws MalformedInputException {
    Fields f = Containers.importKey(base64, Set.of(scheme), TYPE, FIELDS);
    return new ShareCommitments(
        scheme,
        f.g1("U1").requireNonZero("commitment U1"),
        f.g1("U2").requireNonZero("commitment U2"),
        f.g1("V1").requireNonZero("commitment V1"),
        f.g1("V2").requireNonZero("commitment V2"));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ShareCommitments c && c.toBase64().equals(toBase64());
  }

  @Override
  public int hashCode() {
    return toBase64().hashCode();
  }

  @Override
  public String toString() {
    return "ShareCommitments[" + scheme + "]";
  }
}
