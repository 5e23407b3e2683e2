package org.healthhub.crypto.groupsig.dl21seq;

import java.util.HashSet;
import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.groupsig.dl21.Dl21Signature;

/**
 * dl21seq signature: a DL21 signature plus its {@link SeqValues}. The sequence values are not
 * covered by the signature's proof (pygroupsig's format), so verify cannot notice an edit; a
 * missing or malformed {@code seq} is refused on import. Re-exports keep the label read.
 */
public final class Dl21SeqSignature implements GroupSignature {
  private static final Set<String> FIELDS = fields();

  private final String label;
  final Dl21Signature core;
  final SeqValues seq;

  Dl21SeqSignature(String label, Dl21Signature core, SeqValues seq) {
    this.label = label;
    this.core = core;
    this.seq = seq;
  }

  private static Set<String> fields() {
    Set<String> names = new HashSet<>(Dl21Signature.FIELD_ORDER);
    names.add("seq");
    return Set.copyOf(names);
  }

  @Override
  public String scheme() {
    return Dl21Seq.NAME;
  }

  @Override
  public String toBase64() {
    Fields.Writer fields = core.writeFields(new Fields.Writer()).putStringMap("seq", seq.toMap());
    return Containers.exportSignature(label, fields);
  }

  static Dl21SeqSignature fromBase64(String base64) throws MalformedInputException {
    Fields f = Containers.importSignature("dl21seq signature", base64, Dl21Seq.LABELS, FIELDS);
    if (!f.has("seq")) {
      throw new MalformedInputException("dl21seq signature lacks its sequence values (seq)");
    }
    return new Dl21SeqSignature(
        Containers.labelOf(base64), Dl21Signature.readFields(f), SeqValues.fromMap(f.stringMap("seq")));
  }

  @Override
  public String toString() {
    return "Dl21SeqSignature";
  }
}
