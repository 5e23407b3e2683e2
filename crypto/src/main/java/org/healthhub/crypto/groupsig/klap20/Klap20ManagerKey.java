package org.healthhub.crypto.groupsig.klap20;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.ManagerKey;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.Fr;

/** KLAP20 manager key: issuer secrets {@code x}, {@code y} and the two opener halves {@code z0}, {@code z1}. */
public final class Klap20ManagerKey implements ManagerKey {
  private static final Set<String> FIELDS = Set.of("x", "y", "z0", "z1");

  final Fr x;
  final Fr y;
  final Fr z0;
  final Fr z1;

  Klap20ManagerKey(Fr x, Fr y, Fr z0, Fr z1) {
    this.x = x;
    this.y = y;
    this.z0 = z0;
    this.z1 = z1;
  }

  Fr z(int half) {
    return half == 0 ? z0 : z1;
  }

  @Override
  public String scheme() {
    return Klap20.NAME;
  }

  @Override
  public String toBase64() {
    return Containers.exportKey(
        Klap20.NAME,
        "manager",
        new Fields.Writer().put("x", x).put("y", y).put("z0", z0).put("z1", z1));
  }

  static Klap20ManagerKey fromBase64(String base64) throws MalformedInputException {
    Fields f = Containers.importKey(base64, Set.of(Klap20.NAME), "manager", FIELDS);
    return new Klap20ManagerKey(f.fr("x"), f.fr("y"), f.fr("z0"), f.fr("z1"));
  }

  @Override
  public String toString() {
    return "Klap20ManagerKey[secret hidden]";
  }
}
