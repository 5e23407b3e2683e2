package org.healthhub.crypto.groupsig.batch;

import java.util.HashSet;
import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.codec.Fields;

/**
 * The container of a {@link CommittedSignature}: {@code base64(JSON({"scheme", "signature":
 * <pygroupsig export>, <commitments>}))}; the scheme classes add and read the commitments.
 */
public final class CommittedExport {
  private CommittedExport() {}

  /** A writer holding the scheme label and the plain signature; the caller adds commitments. */
  public static Fields.Writer writer(String scheme, GroupSignature signature) {
    return new Fields.Writer().raw("scheme", scheme).raw("signature", signature.toBase64());
  }

  /**
   * Reads the container, checks its label and that its fields are exactly the signature and
   * {@code commitments}; {@code fields.string("signature")} is the plain export.
   *
   * @throws MalformedInputException on bad base64 or JSON, another label, or unknown fields
   */
  public static Fields read(String scheme, String base64, Set<String> commitments)
      throws MalformedInputException {
    String what = scheme + " committed signature";
    Set<String> declared = new HashSet<>(commitments);
    declared.add("scheme");
    declared.add("signature");
    Fields fields = Fields.readBase64(what, base64, declared);
    if (!scheme.equals(fields.string("scheme"))) {
      throw new MalformedInputException(what + ": scheme is not " + scheme);
    }
    return fields;
  }
}
