package org.healthhub.crypto.groupsig.opening;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.G1;

/**
 * The outcome of a dual-control opening: the member id, the member's public GML entry (whose first
 * element is the credential A the signature encrypts), and the two partial openings with their
 * proofs, so that anyone with the group key and the share commitments can check it ({@link
 * DualControlOpener#verify}). Export: {@code base64(JSON({"member_id", "entry": [b64...], "gm",
 * "rm"}))}.
 */
public final class OpeningResult {
  private static final Set<String> FIELDS = Set.of("member_id", "entry", "gm", "rm");

  private final String memberId;
  private final List<G1> entry;
  private final PartialOpening groupManager;
  private final PartialOpening revocationManager;

  OpeningResult(
      String memberId,
      List<G1> entry,
      PartialOpening groupManager,
      PartialOpening revocationManager) {
    this.memberId = memberId;
    this.entry = List.copyOf(entry);
    this.groupManager = groupManager;
    this.revocationManager = revocationManager;
  }

  public String memberId() {
    return memberId;
  }

  public List<G1> entry() {
    return entry;
  }

  public PartialOpening groupManager() {
    return groupManager;
  }

  public PartialOpening revocationManager() {
    return revocationManager;
  }

  public String toBase64() {
    return new Fields.Writer()
        .raw("member_id", memberId)
        .raw("entry", entry.stream().map(G1::toBase64).toList())
        .raw("gm", groupManager.toBase64())
        .raw("rm", revocationManager.toBase64())
        .toBase64();
  }

  public static OpeningResult fromBase64(String base64) throws MalformedInputException {
    Fields f = Fields.readBase64("opening result", base64, FIELDS);
    List<G1> entry = new ArrayList<>();
    for (String item : f.stringList("entry")) {
      entry.add(G1.fromBase64(item));
    }
    if (entry.isEmpty()) {
      throw new MalformedInputException("opening result entry is empty");
    }
    return new OpeningResult(
        f.string("member_id"),
        entry,
        PartialOpening.fromBase64(f.string("gm")),
        PartialOpening.fromBase64(f.string("rm")));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OpeningResult o && o.toBase64().equals(toBase64());
  }

  @Override
  public int hashCode() {
    return toBase64().hashCode();
  }

  @Override
  public String toString() {
    return "OpeningResult[" + memberId + "]";
  }
}
