package org.healthhub.crypto.groupsig.gl19;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.ManagerKey;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.Fr;

/**
 * GL19 manager key: the issuer secret {@code isk}, the converter secret {@code csk} (used by
 * {@link Gl19#convert}) and the extraction secret {@code esk}.
 */
public final class Gl19ManagerKey implements ManagerKey {
  private static final Set<String> FIELDS = Set.of("isk", "csk", "esk");

  final Fr isk;
  final Fr csk;
  final Fr esk;

  Gl19ManagerKey(Fr isk, Fr csk, Fr esk) {
    this.isk = isk;
    this.csk = csk;
    this.esk = esk;
  }

  @Override
  public String scheme() {
    return Gl19.NAME;
  }

  @Override
  public String toBase64() {
    return Containers.exportKey(
        Gl19.NAME, "manager", new Fields.Writer().put("isk", isk).put("csk", csk).put("esk", esk));
  }

  static Gl19ManagerKey fromBase64(String base64) throws MalformedInputException {
    Fields f = Containers.importKey(base64, Set.of(Gl19.NAME), "manager", FIELDS);
    return new Gl19ManagerKey(f.fr("isk"), f.fr("csk"), f.fr("esk"));
  }

  @Override
  public String toString() {
    return "Gl19ManagerKey[secret hidden]";
  }
}
