package org.healthhub.crypto.groupsig.spk;

import java.util.List;
import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.codec.Fields;

/**
 * dl21seq's sequential-link proof: a {@link DiscreteLogProof} plus the list {@code x} of hex
 * strings (PRF outputs) that pygroupsig appends after the proof is made, so {@code x} is not
 * covered by the challenge.
 */
public record DiscreteLogProof2(DiscreteLogProof proof, List<String> x) {
  private static final Set<String> FIELDS = Set.of("c", "s", "x");

  public DiscreteLogProof2 {
    x = List.copyOf(x);
  }

  public String toBase64() {
    return new Fields.Writer()
        .put("c", proof.c())
        .put("s", proof.s())
        .putTextList("x", x)
        .toBase64();
  }

  public static DiscreteLogProof2 fromBase64(String base64) throws MalformedInputException {
    Fields fields = Fields.readBase64("sequential-link proof", base64, FIELDS);
    List<String> stored = fields.stringList("x");
    List<String> x = new java.util.ArrayList<>(stored.size());
    for (String item : stored) {
      x.add(Fields.decodeText("sequential-link proof.x", item));
    }
    return new DiscreteLogProof2(new DiscreteLogProof(fields.fr("c"), fields.fr("s")), x);
  }
}
