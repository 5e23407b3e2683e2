package org.healthhub.crypto.groupsig.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.GroupSignatureSchemes;
import org.healthhub.crypto.groupsig.InvalidSignatureException;
import org.healthhub.crypto.groupsig.JoinMessage;
import org.healthhub.crypto.groupsig.JoinRejectedException;
import org.healthhub.crypto.groupsig.ManagerKey;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.codec.PythonJson;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.crypto.testing.Mutator;
import org.healthhub.crypto.testing.Vectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * Malformed input never crashes a decoder and never verifies, for one scheme: 10,000 mutations
 * of the scheme's recorded exports per decoder (keys, signatures, join messages; subclasses add
 * the scheme's own: membership lists, proofs, blind keys, openings).
 */
abstract class DecoderPropertiesContract {
  static final int TRIES = 10_000;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  protected final JsonNode vectors = Vectors.pygroupsig(schemeName());
  private final GroupSignatureScheme scheme = scheme();
  private final GroupKey groupKey = importGroupKey();

  protected abstract String schemeName();

  /** The scheme as the recorded valid signatures verify under (gl19: at the pinned clock). */
  protected GroupSignatureScheme scheme() {
    return GroupSignatureSchemes.byName(schemeName());
  }

  private GroupKey importGroupKey() {
    try {
      return scheme.importGroupKey(vectors.path("group_key").asText());
    } catch (MalformedInputException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Mutations of one of {@code valids}, drawn with jqwik's random source. */
  protected static Arbitrary<String> mutationsOf(List<String> recorded) {
    List<String> valids = recorded.stream().filter(text -> !text.isBlank()).toList();
    if (valids.isEmpty()) {
      throw new IllegalStateException("no recorded export to mutate");
    }
    return Arbitraries.randomValue(random -> Mutator.mutate(valids.get(random.nextInt(valids.size())), random));
  }

  /**
   * The recorded membership list cut to its first member: every other entry would be decoded
   * again on each try (G2 and GT elements cost milliseconds each) without testing anything new.
   */
  protected static String firstMemberOnly(String gmlBase64) {
    try {
      Gml gml = Gml.fromBase64(gmlBase64);
      String first = gml.memberIds().get(0);
      return Gml.empty().with(first, gml.entry(first)).toBase64();
    } catch (MalformedInputException e) {
      throw new IllegalStateException(e);
    }
  }

  protected static List<String> texts(JsonNode records, String field) {
    List<String> texts = new ArrayList<>();
    records.forEach(record -> texts.add(record.path(field).asText()));
    return texts;
  }

  @Provide
  Arbitrary<String> groupKeys() {
    return mutationsOf(List.of(vectors.path("group_key").asText()));
  }

  @Provide
  Arbitrary<String> managerKeys() {
    return mutationsOf(List.of(vectors.path("manager_key").asText()));
  }

  @Provide
  Arbitrary<String> memberKeys() {
    return mutationsOf(texts(vectors.path("members"), "member_key"));
  }

  /** A valid recorded signature's index and a mutation of it. */
  record MutatedSignature(int index, String text) {}

  @Provide
  Arbitrary<MutatedSignature> signatures() {
    List<Integer> valid = new ArrayList<>();
    JsonNode records = vectors.path("signatures");
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).path("valid").asBoolean()) {
        valid.add(i);
      }
    }
    return Arbitraries.randomValue(random -> {
      int index = valid.get(random.nextInt(valid.size()));
      return new MutatedSignature(index, Mutator.mutate(records.get(index).path("signature").asText(), random));
    });
  }

  /** A recorded join message (sender and JSON text) with one mutation. */
  record MutatedMessage(boolean fromManager, String json) {}

  @Provide
  Arbitrary<MutatedMessage> joinMessages() {
    List<MutatedMessage> recorded = new ArrayList<>();
    for (JsonNode message : vectors.path("join_transcript").path("messages")) {
      boolean fromManager = message.path("sender").asText().equals("manager");
      // the member's first step needs no key of its own; later manager messages need the partial key
      if (!fromManager || message.path("step").asInt() == 0) {
        recorded.add(new MutatedMessage(fromManager, PythonJson.write(MAPPER.convertValue(message.path("message"), Object.class))));
      }
    }
    return Arbitraries.randomValue(random -> {
      MutatedMessage message = recorded.get(random.nextInt(recorded.size()));
      return new MutatedMessage(message.fromManager(), Mutator.mutate(message.json(), random));
    });
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void groupKey_mutated_isMalformedOrReexports(@ForAll("groupKeys") String input) {
    Decoding.decodeOrRefuse(input, scheme::importGroupKey, GroupKey::toBase64);
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void managerKey_mutated_isMalformedOrReexports(@ForAll("managerKeys") String input) {
    Decoding.decodeOrRefuse(input, scheme::importManagerKey, ManagerKey::toBase64);
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void memberKey_mutated_isMalformedOrReexports(@ForAll("memberKeys") String input) {
    Decoding.decodeOrRefuse(input, scheme::importMemberKey, MemberKey::toBase64);
  }

  /** A mutated signature verifies only if it is the recorded signature again, in another spelling. */
  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void signature_mutated_isMalformedOrNeverVerifies(@ForAll("signatures") MutatedSignature input)
      throws Exception {
    Optional<GroupSignature> decoded =
        Decoding.decodeOrRefuse(input.text(), scheme::importSignature, GroupSignature::toBase64);
    if (decoded.isEmpty()) {
      Statistics.collect("malformed at import");
      return;
    }
    JsonNode record = vectors.path("signatures").get(input.index());
    try {
      scheme.verify(record.path("message").asText(), decoded.get(), groupKey);
    } catch (InvalidSignatureException | MalformedInputException e) {
      Statistics.collect("imported, rejected by verify");
      return;
    }
    Statistics.collect("verified: the recorded signature again");
    String original = scheme.importSignature(record.path("signature").asText()).toBase64();
    assertThat(verifiedPart(decoded.get().toBase64()))
        .as("a changed signature verified")
        .isEqualTo(verifiedPart(original));
  }

  /** What verify vouches for in a signature's canonical export: all of it, unless a scheme says less. */
  protected String verifiedPart(String signatureExport) {
    return signatureExport;
  }

  /** A mutated join message is refused with a typed error by the side that receives it. */
  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void joinMessage_mutated_isMalformedOrRejected(@ForAll("joinMessages") MutatedMessage input)
      throws Exception {
    Optional<JoinMessage> decoded = Decoding.decodeOrRefuse(input.json(), JoinMessage::fromJson, JoinMessage::toJson);
    if (decoded.isEmpty()) {
      return;
    }
    try {
      if (input.fromManager()) {
        scheme.joinMember(groupKey, null, decoded.get(), RandomScalars.secure());
      } else {
        scheme.joinManager(
            groupKey,
            scheme.importManagerKey(vectors.path("manager_key").asText()),
            Gml.empty(),
            decoded.get(),
            RandomScalars.secure());
      }
    } catch (MalformedInputException | JoinRejectedException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
