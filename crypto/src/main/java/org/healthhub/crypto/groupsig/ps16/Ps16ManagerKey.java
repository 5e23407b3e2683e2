package org.healthhub.crypto.groupsig.ps16;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.ManagerKey;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.Fr;

/** PS16 manager key: the issuer secrets {@code x}, {@code y}. */
public final class Ps16ManagerKey implements ManagerKey {
  private static final Set<String> FIELDS = Set.of("x", "y");

  final Fr x;
  final Fr y;

  Ps16ManagerKey(Fr x, Fr y) {
    this.x = x;
    this.y = y;
  }

  @Override
  public String scheme() {
    return Ps16.NAME;
  }

  @Override
  public String toBase64() {
    return Containers.exportKey(Ps16.NAME, "manager", new Fields.Writer().put("x", x).put("y", y));
  }

  static Ps16ManagerKey fromBase64(String base64) throws MalformedInputException {
    Fields f = Containers.importKey(base64, Set.of(Ps16.NAME), "manager", FIELDS);
    return new Ps16ManagerKey(f.fr("x"), f.fr("y"));
  }

  @Override
  public String toString() {
    return "Ps16ManagerKey[secret hidden]";
  }
}
