package org.healthhub.crypto.groupsig.dl21;

import java.util.List;
import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.groupsig.spk.GeneralRepresentationProof;
import org.healthhub.crypto.mcl.G1;

/**
 * DL21 signature: the randomized credential {@code AA}, {@code A_}, {@code d}, the proof
 * {@code pi} and the scope pseudonym {@code nym = hscp(scope)·y}.
 */
public final class Dl21Signature implements GroupSignature {
  /** The FIELDS of the export, in order (dl21seq appends {@code seq}). */
  public static final List<String> FIELD_ORDER = List.of("AA", "A_", "d", "pi", "nym");

  final G1 aa;
  final G1 aBar;
  final G1 d;
  final GeneralRepresentationProof pi;
  final G1 nym;

  Dl21Signature(G1 aa, G1 aBar, G1 d, GeneralRepresentationProof pi, G1 nym) {
    this.aa = aa;
    this.aBar = aBar;
    this.d = d;
    this.pi = pi;
    this.nym = nym;
  }

  /** The scope pseudonym: equal across a member's signatures in one scope. */
  public G1 nym() {
    return nym;
  }

  @Override
  public String scheme() {
    return Dl21.NAME;
  }

  @Override
  public String toBase64() {
    return Containers.exportSignature(Dl21.NAME, writeFields(new Fields.Writer()));
  }

  /** Writes this signature's FIELDS in pygroupsig's order. */
  public Fields.Writer writeFields(Fields.Writer out) {
    return out.put("AA", aa).put("A_", aBar).put("d", d).raw("pi", pi.toBase64()).put("nym", nym);
  }

  /** Reads this signature's FIELDS out of a signature export (dl21seq's holds more). */
  public static Dl21Signature readFields(Fields f) throws MalformedInputException {
    return new Dl21Signature(
        f.g1("AA"),
        f.g1("A_"),
        f.g1("d"),
        GeneralRepresentationProof.fromBase64(f.string("pi")),
        f.g1("nym"));
  }

  static Dl21Signature fromBase64(String base64) throws MalformedInputException {
    return readFields(
        Containers.importSignature("dl21 signature", base64, Set.of(Dl21.NAME), Set.copyOf(FIELD_ORDER)));
  }

  @Override
  public String toString() {
    return "Dl21Signature";
  }
}
