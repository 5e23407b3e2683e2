package org.healthhub.crypto.groupsig.bbs04;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.ManagerKey;
import org.healthhub.crypto.groupsig.SchemeVectorsContract;
import org.healthhub.crypto.groupsig.SignerNotFoundException;
import org.healthhub.crypto.mcl.RandomScalars;
import org.junit.jupiter.api.Test;

class Bbs04VectorsTest extends SchemeVectorsContract {
  private final Bbs04 bbs04 = new Bbs04();

  @Override
  protected GroupSignatureScheme scheme() {
    return bbs04;
  }

  @Override
  protected String vectorName() {
    return "bbs04";
  }

  private ManagerKey managerKey() throws MalformedInputException {
    return bbs04.importManagerKey(vectors.get("manager_key").asText());
  }

  @Test
  void open_signatures_nameTheRecordedMembers() throws Exception {
    GroupKey groupKey = groupKey();
    Gml gml = Gml.fromBase64(vectors.get("gml").asText());
    List<String> failures = new ArrayList<>();
    for (JsonNode record : vectors.get("open")) {
      int index = record.get("signature_index").asInt();
      String signature = vectors.get("signatures").get(index).get("signature").asText();
      String id =
          bbs04
              .open(
                  bbs04.importSignature(signature),
                  groupKey,
                  managerKey(),
                  gml,
                  RandomScalars.secure())
              .memberId();
      if (!id.equals(record.get("expected_gml_id").asText())) {
        failures.add("signature " + index + " opened to " + id);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void open_negatives_findNoSigner() throws Exception {
    GroupKey groupKey = groupKey();
    Gml gml = Gml.fromBase64(vectors.get("gml").asText());
    List<String> failures = new ArrayList<>();
    for (JsonNode record : vectors.get("open_negatives")) {
      try {
        bbs04.open(
            bbs04.importSignature(record.get("signature").asText()),
            groupKey,
            managerKey(),
            gml,
            RandomScalars.secure());
        failures.add(record.get("why").asText() + ": opened");
      } catch (SignerNotFoundException expected) {
        // pygroupsig's {"status": "fail"}
      } catch (GeneralSecurityException e) {
        failures.add(record.get("why").asText() + ": " + e);
      }
    }
    assertThat(vectors.get("open_negatives")).isNotEmpty();
    assertThat(failures).isEmpty();
  }
}
