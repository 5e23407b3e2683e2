package org.healthhub.crypto.groupsig.dl21seq;

import java.util.HashSet;
import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.groupsig.dl21.Dl21MemberKey;

/**
 * dl21seq member key: a DL21 member key plus the PRF keys {@code k} and {@code kk} (64 hex each,
 * exported {@code "str_<hex>"}), empty until the join's last step. Re-exports keep the label the
 * key was read with ("dl21" from pygroupsig); keys we make are labelled "dl21seq".
 */
public final class Dl21SeqMemberKey implements MemberKey {
  private static final Set<String> FIELDS = fields();

  private final String label;
  final Dl21MemberKey core;
  final String k;
  final String kk;

  Dl21SeqMemberKey(String label, Dl21MemberKey core, String k, String kk) {
    this.label = label;
    this.core = core;
    this.k = k;
    this.kk = kk;
  }

  private static Set<String> fields() {
    Set<String> names = new HashSet<>(Dl21MemberKey.FIELD_ORDER);
    names.add("k");
    names.add("kk");
    return Set.copyOf(names);
  }

  boolean complete() {
    return core.complete() && !k.isEmpty();
  }

  @Override
  public String scheme() {
    return Dl21Seq.NAME;
  }

  @Override
  public String toBase64() {
    Fields.Writer fields = core.writeFields(new Fields.Writer()).putText("k", k).putText("kk", kk);
    return Containers.exportKey(label, "member", fields);
  }

  static Dl21SeqMemberKey fromBase64(String base64) throws MalformedInputException {
    Fields f = Containers.importKey(base64, Dl21Seq.LABELS, "member", FIELDS);
    Dl21MemberKey core = Dl21MemberKey.readFields(f);
    String k = f.text("k");
    String kk = f.text("kk");
    if (core.complete() || !k.isEmpty() || !kk.isEmpty()) {
      SeqValues.requireHex64("member key k", k);
      SeqValues.requireHex64("member key kk", kk);
    }
    return new Dl21SeqMemberKey(Containers.labelOf(base64), core, k, kk);
  }

  @Override
  public String toString() {
    return "Dl21SeqMemberKey[secret hidden]";
  }
}
