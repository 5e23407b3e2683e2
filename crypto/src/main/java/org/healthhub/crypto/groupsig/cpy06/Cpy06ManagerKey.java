package org.healthhub.crypto.groupsig.cpy06;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.ManagerKey;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.Fr;

/** A CPY06 manager key: the opening secrets xi1, xi2 and the issuing secret gamma. */
public final class Cpy06ManagerKey implements ManagerKey {
  private static final Set<String> FIELDS = Set.of("xi1", "xi2", "gamma");

  final Fr xi1;
  final Fr xi2;
  final Fr gamma;

  Cpy06ManagerKey(Fr xi1, Fr xi2, Fr gamma) {
    this.xi1 = xi1;
    this.xi2 = xi2;
    this.gamma = gamma;
  }

  @Override
  public String scheme() {
    return Cpy06.NAME;
  }

  @Override
  public String toBase64() {
    Fields.Writer fields = new Fields.Writer().put("xi1", xi1).put("xi2", xi2).put("gamma", gamma);
    return Containers.exportKey(Cpy06.NAME, "manager", fields);
  }

  static Cpy06ManagerKey fromBase64(String base64) throws MalformedInputException {
    Fields f = Containers.importKey(base64, Set.of(Cpy06.NAME), "manager", FIELDS);
    return new Cpy06ManagerKey(f.fr("xi1"), f.fr("xi2"), f.fr("gamma"));
  }

  @Override
  public String toString() {
    return "Cpy06ManagerKey[secret]";
  }
}
