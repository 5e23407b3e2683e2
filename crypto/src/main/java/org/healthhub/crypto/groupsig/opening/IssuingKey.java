package org.healthhub.crypto.groupsig.opening;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.ManagerKey;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.Fr;

/**
 * The Group Manager's key for admitting members (bbs04's and cpy06's gamma) in a dual-control
 * group: a manager key without the opening secret, so it joins members and opens nothing. Exported
 * as pygroupsig's manager key with only the {@code gamma} field, which pygroupsig reads (the absent
 * xi1, xi2 default to zero) and can join with.
 */
public final class IssuingKey implements ManagerKey {
  private static final Set<String> FIELDS = Set.of("gamma");

  private final String scheme;
  private final Fr gamma;

  IssuingKey(String scheme, Fr gamma) {
    this.scheme = scheme;
    this.gamma = gamma;
  }

  @Override
  public String scheme() {
    return scheme;
  }

  /** The issuing secret, for the scheme's join. */
  public Fr gamma() {
    return gamma;
  }

  @Override
  public String toBase64() {
    return Containers.exportKey(scheme, "manager", new Fields.Writer().put("gamma", gamma));
  }

  public static IssuingKey fromBase64(String scheme, String base64) throws MalformedInputException {
    Fields f = Containers.importKey(base64, Set.of(scheme), "manager", FIELDS);
    return new IssuingKey(scheme, f.fr("gamma"));
  }

  @Override
  public String toString() {
    return "IssuingKey[" + scheme + ", secret]";
  }
}
