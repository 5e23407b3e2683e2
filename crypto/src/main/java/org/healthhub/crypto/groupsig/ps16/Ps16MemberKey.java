package org.healthhub.crypto.groupsig.ps16;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.LazyFixedBase;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;
import org.healthhub.crypto.mcl.GT;
import org.healthhub.crypto.mcl.Pairing;

/**
 * PS16 member key: the secret {@code sk} and the manager's credential {@code (sigma1, sigma2)},
 * which stays at the identity until the join's last step (a partial key).
 */
public final class Ps16MemberKey implements MemberKey {
  private static final Set<String> FIELDS = Set.of("sk", "sigma1", "sigma2");

  final Fr sk;
  final G1 sigma1;
  final G1 sigma2;
  final LazyFixedBase sigma1Table;
  final LazyFixedBase sigma2Table;
  // e(sigma1, Y) for the group key last signed with: sign needs it in place of a pairing
  private volatile CredentialPairing credentialPairing;

  private record CredentialPairing(G2 bigY, GT value) {}

  Ps16MemberKey(Fr sk, G1 sigma1, G1 sigma2) {
    this.sk = sk;
    this.sigma1 = sigma1;
    this.sigma2 = sigma2;
    this.sigma1Table = new LazyFixedBase(sigma1);
    this.sigma2Table = new LazyFixedBase(sigma2);
  }

  /** {@code e(sigma1, bigY)}, computed once per group key. */
  GT credentialPairing(G2 bigY) {
    CredentialPairing cached = credentialPairing;
    if (cached == null || !cached.bigY().equals(bigY)) {
      cached = new CredentialPairing(bigY, Pairing.pairing(sigma1, bigY));
      credentialPairing = cached;
    }
    return cached.value();
  }

  boolean complete() {
    return !sigma1.isZero();
  }

  @Override
  public String scheme() {
    return Ps16.NAME;
  }

  @Override
  public String toBase64() {
    return Containers.exportKey(
        Ps16.NAME,
        "member",
        new Fields.Writer().put("sk", sk).put("sigma1", sigma1).put("sigma2", sigma2));
  }

  static Ps16MemberKey fromBase64(String base64) throws MalformedInputException {
    Fields f = Containers.importKey(base64, Set.of(Ps16.NAME), "member", FIELDS);
    return new Ps16MemberKey(f.fr("sk"), f.g1("sigma1"), f.g1("sigma2"));
  }

  @Override
  public String toString() {
    return "Ps16MemberKey[secret hidden]";
  }
}
