package org.healthhub.crypto.mcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthhub.crypto.testing.Vectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.testing.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scheme vectors' corrupted elements carry native mcl v2.00's own verdict ({@code
 * element_status}); the decoders must agree with it, and refuse what mcl accepted outside the
 * subgroup. Every disagreement is collected with its case id, so one never hides the others.
 */
class ElementStatusTest {

  interface Decoder {
    Object decode(byte[] bytes) throws MalformedInputException;
  }

  private static Decoder decoderFor(String type) {
    return switch (type) {
      case "Fr" -> Fr::fromBytes;
      case "G1" -> G1::fromBytes;
      case "G2" -> G2::fromBytes;
      case "GT" -> GT::fromBytes;
      default -> throw new IllegalArgumentException("unknown element type " + type);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"bbs04", "ps16", "cpy06", "klap20", "gl19", "dl21", "dl21seq"})
  void corruptedElements_eachCase_verdictMatchesMcl(String scheme) throws MalformedInputException {
    JsonNode file = Vectors.pygroupsig(scheme);
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (String section : List.of("negatives", "open_negatives")) {
      for (JsonNode negative : file.path(section)) {
        JsonNode target = negative.get("target");
        if (target == null) {
          continue;
        }
        String id = scheme + "/" + section + "/" + negative.path("id").asText() + " " + target.get("path");
        String problem = check(target, negative.get("element_status"));
        if (problem != null) {
          failures.add(id + ": " + problem);
        }
        checked++;
      }
    }
    assertThat(failures).isEmpty();
    assertThat(checked).isPositive();
  }

  /** Returns what went wrong, or null. */
  private static String check(JsonNode target, JsonNode status) throws MalformedInputException {
    String type = target.get("element_type").asText();
    Decoder decoder = decoderFor(type);
    if (target.has("new_len")) {
      return expectRejection(decoder, new byte[target.get("new_len").asInt()], "wrong length");
    }
    byte[] original = hex(target.get("original_hex"));
    byte[] modified = hex(target.get("modified_hex"));
    decoder.decode(original);
    boolean mclAccepted = status.get("mcl_deserialize_ok").asBoolean();
    if (!mclAccepted) {
      return expectRejection(decoder, modified, null);
    }
    if (type.equals("GT")) {
      // mcl checks only the coefficients; a flipped byte leaves GT with probability ~1/p^8.
      return expectRejection(decoder, modified, "not in the order-r subgroup");
    }
    if (status.has("in_prime_order_subgroup") && !status.get("in_prime_order_subgroup").asBoolean()) {
      return expectRejection(decoder, modified, "not in the prime-order subgroup");
    }
    try {
      decoder.decode(modified);
      return null;
    } catch (MalformedInputException e) {
      return "mcl accepted it as a valid " + type + " but the decoder said: " + e.getMessage();
    }
  }

  private static String expectRejection(Decoder decoder, byte[] bytes, String reason) {
    try {
      decoder.decode(bytes);
      return "accepted, expected a rejection" + (reason == null ? "" : " (" + reason + ")");
    } catch (MalformedInputException e) {
      return reason == null || e.getMessage().contains(reason) ? null : "rejected for another reason: " + e.getMessage();
    }
  }
}
