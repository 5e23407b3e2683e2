package org.healthhub.crypto.groupsig.dl21;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.ManagerKey;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.Fr;

/** DL21 (and dl21seq) manager key: the issuer secret {@code isk}. */
public final class Dl21ManagerKey implements ManagerKey {
  private static final Set<String> FIELDS = Set.of("isk");

  private final String scheme;
  private final String label;
  final Fr isk;

  Dl21ManagerKey(String scheme, String label, Fr isk) {
    this.scheme = scheme;
    this.label = label;
    this.isk = isk;
  }

  @Override
  public String scheme() {
    return scheme;
  }

  @Override
  public String toBase64() {
    return Containers.exportKey(label, "manager", new Fields.Writer().put("isk", isk));
  }

  /** Reads a manager key of {@code scheme} labelled with one of {@code labels}. */
  public static Dl21ManagerKey read(String base64, String scheme, Set<String> labels)
      throws MalformedInputException {
    Fields f = Containers.importKey(base64, labels, "manager", FIELDS);
    return new Dl21ManagerKey(scheme, Containers.labelOf(base64), f.fr("isk"));
  }

  @Override
  public String toString() {
    return "Dl21ManagerKey[" + scheme + ", secret hidden]";
  }
}
