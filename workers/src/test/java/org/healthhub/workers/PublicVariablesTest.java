package org.healthhub.workers;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicVariablesTest {

  @Test
  void check_everyPublicKind_passes() {
    Map<String, Object> variables = Map.of(
        "recordCid", "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o",
        "merkleRoot", "0x" + "ab".repeat(32),
        "recordDigest", "cd".repeat(32),
        "doctorAddress", "0x" + "Ab".repeat(20),
        "anchorTxHash", "0x" + "01".repeat(32),
        "joinStatus", "IN_PROGRESS",
        "doctorId", "doctor1",
        "joinStep", 3,
        "joinMessageCid", "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o");

    assertThatCode(() -> PublicVariables.check(variables)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dataKey", "memberKey", "privateKey", "recordPlaintext", "approved", "Id", "joinMessage"})
  void check_nameOfNoPublicKind_throws(String name) {
    assertThatThrownBy(() -> PublicVariables.check(Map.of(name, "doctor1")))
        .isInstanceOf(NonPublicVariableException.class)
        .hasMessageContaining("'" + name + "' is not of a public kind");
  }

  @Test
  void check_secretBehindPublicName_throwsWithoutEchoingIt() {
    String secret = "-----BEGIN PRIVATE KEY----- MC4CAQAwBQYDK2VwBCIEI";

    assertThatThrownBy(() -> PublicVariables.check(Map.of("merkleRoot", secret)))
        .isInstanceOf(NonPublicVariableException.class)
        .hasMessageContaining("'merkleRoot' (String) does not have the shape of a ROOT")
        .hasMessageNotContaining(secret);
  }

  @Test
  void check_bytesUnderIdName_throws() {
    assertThatThrownBy(() -> PublicVariables.check(Map.of("patientId", new byte[] {1, 2})))
        .isInstanceOf(NonPublicVariableException.class)
        .hasMessageContaining("(byte[])");
  }

  @Test
  void check_negativeStep_throws() {
    assertThatThrownBy(() -> PublicVariables.check(Map.of("joinStep", -1)))
        .isInstanceOf(NonPublicVariableException.class);
  }

  @Test
  void check_purchaseKinds_pass() {
    Map<String, Object> variables = Map.of(
        "matchingPatientIds", "patient,patient2",
        "disputeByDate", "2026-11-28T02:00:00Z",
        "verificationResults", "record 1: verified\nrecord 2: its group signature does not verify\n",
        "deliveredRecordsCount", 2);

    assertThatCode(() -> PublicVariables.check(variables)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"record 1: Jane Doe, diabetic\n", "record 1: verified", "verified\n", "record 1: verified\nnote"})
  void check_freeTextInResults_throws(String text) {
    assertThatThrownBy(() -> PublicVariables.check(Map.of("verificationResults", text)))
        .isInstanceOf(NonPublicVariableException.class)
        .hasMessageNotContaining(text);
  }

  @Test
  void check_idListWithSpaces_throws() {
    assertThatThrownBy(() -> PublicVariables.check(Map.of("consentingPatientIds", "patient, Jane Doe")))
        .isInstanceOf(NonPublicVariableException.class);
  }
}
