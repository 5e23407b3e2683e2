package org.healthhub.processes.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.HexFormat;
import org.healthhub.processes.AppScenario;
import org.healthhub.processes.EngineApp;
import org.healthhub.storage.BlobStore;
import org.healthhub.workers.chain.DataHubAccess;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.record.RecordIndex;
import org.healthhub.workers.record.RecordReader;
import org.healthhub.workers.record.RecordReader.OpenedRecord;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A patient rotates both keys after a record was stored and anchored: the record still reads and
 * verifies as anchored for the patient, and a share granted after the rotation (signed with the
 * retired chain key that owns the record on chain, wrapped from the retired HPKE key) reads for the
 * doctor.
 */
@SpringBootTest
@ActiveProfiles("test")
class KeyRotationAppTest {

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) throws IOException {
    EngineApp.freshDataDir(registry);
    registry.add("healthhub.chain.local.enabled", () -> "true");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    registry.add("healthhub.chain.local.port", () -> Integer.toString(port));
  }

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired BlobStore blobStore;
  @Autowired Keyring keyring;
  @Autowired DataHubAccess chain;
  @Autowired RecordIndex records;
  @Autowired RecordReader reader;

  @Test
  void patientRotatesChainAndHpkeKeys_oldRecordReadsAndSharesAfterwards() throws Exception {
    AppScenario scenario = new AppScenario(runtimeService, taskService, historyService, identityService, blobStore);
    EngineApp.enrolApproved(identityService, runtimeService, taskService, historyService, "doctor", AppScenario.GROUP);
    String recordId = scenario.storeRecord("doctor", "patient", "rotation diagnosis 0c4d");
    String oldAddress = chain.addressOf("patient");

    keyring.rotateChainKey("patient");
    keyring.rotateWrappingKey("patient");

    byte[] root = HexFormat.of().parseHex(records.find(recordId).orElseThrow().merkleRoot());
    assertThat(chain.addressOf("patient")).isNotEqualToIgnoringCase(oldAddress);
    assertThat(chain.as("patient").patientOf(root)).isEqualToIgnoringCase(oldAddress);
    OpenedRecord mine = reader.read(recordId, "patient");
    assertThat(mine.fhirJson()).contains("rotation diagnosis 0c4d");
    assertThat(mine.anchoredForPatient()).as("anchored for the retired address").isTrue();
    assertThat(mine.signatureValid()).isTrue();

    String share = scenario.share("patient", recordId, "doctor", Instant.now().plusSeconds(3600));
    scenario.awaitReadTask(share);
    OpenedRecord shared = reader.read(recordId, "doctor");
    assertThat(shared.fhirJson()).contains("rotation diagnosis 0c4d");
    assertThat(shared.shareActiveOnChain()).as("granted by the retired chain key").isTrue();
    assertThat(chain.as("doctor").hasShare(root, chain.addressOf("doctor"))).isTrue();
  }
}
