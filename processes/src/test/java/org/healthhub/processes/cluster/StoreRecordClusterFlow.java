package org.healthhub.processes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.healthhub.chain.generated.DataHub;
import org.healthhub.storage.Cid;
import org.healthhub.storage.EmbeddedBlobStore;
import org.healthhub.storage.StorageException;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.http.HttpService;

/**
 * store-record, one enrolled doctor storing record {@code i} for the demo patient; no user task.
 * Its effects are checked where they land: one RecordAnchored event per record on DataHub (none
 * twice, none missing) and exactly the sealed record and its signature per flow in the embedded store.
 */
final class StoreRecordClusterFlow implements ClusterFlow, AutoCloseable {

  private static final String[] VARIABLES = {"merkleRoot", "recordCid", "signatureCid", "intakeCid"};

  private final String doctor;
  private final Path dataDir;
  private final Web3j web3j;
  private final BigInteger fromBlock;
  private final long blobsBefore;

  /** Takes the chain's current block and the store's blob count, so that only this run's effects are counted. */
  StoreRecordClusterFlow(String doctor, Path dataDir, String rpcUrl) throws IOException {
    this.doctor = doctor;
    this.dataDir = dataDir;
    this.web3j = Web3j.build(new HttpService(rpcUrl));
    this.fromBlock = web3j.ethBlockNumber().send().getBlockNumber().add(BigInteger.ONE);
    this.blobsBefore = countBlobs();
  }

  @Override
  public String processKey() {
    return "store-record";
  }

  @Override
  public String start(EngineNode node, int i) throws IOException, InterruptedException {
    Map<String, Object> variables = new HashMap<>();
    // No REST authentication, so no initiator: the doctor id is given as the variable the initiator would set.
    variables.put("doctorId", string(doctor));
    variables.put("patientId", string("patient"));
    variables.put("hospitalGroupId", string("st-mary"));
    variables.put("form_patient", string("Cluster Patient"));
    variables.put("form_date", string("2026-11-25"));
    variables.put("form_category", string("cardiology"));
    variables.put("form_age", Map.of("value", 40 + i % 50, "type", "Integer"));
    variables.put("form_gender", string("female"));
    variables.put("form_diagnosis", string("cluster diagnosis " + i));
    variables.put("form_hospital", string("St Mary"));
    return node.post("/engine-rest/process-definition/key/store-record/start", Map.of("variables", variables))
        .get("id").asText();
  }

  private static Map<String, Object> string(String value) {
    return Map.of("value", value, "type", "String");
  }

  @Override
  public void completeUserTasks(EngineNode node, String processInstanceId) {
    // store-record waits on no one.
  }

  @Override
  public String expectedEndEventId() {
    return "EndEvent_RecordStored";
  }

  @Override
  public void assertEffectsExactlyOnce(EngineNode node, List<String> instances) throws IOException, InterruptedException {
    List<Map<String, String>> records = new ArrayList<>();
    for (String instance : instances) {
      records.add(variablesOf(node, instance));
    }
    List<String> roots = records.stream().map(r -> r.get("merkleRoot").toLowerCase(java.util.Locale.ROOT)).toList();
    assertThat(roots).as("one Merkle root per flow").doesNotHaveDuplicates().hasSize(instances.size());
    assertThat(anchoredRoots()).as("RecordAnchored events on DataHub: each flow's root once, nothing else")
        .containsExactlyInAnyOrderElementsOf(roots);
    try (EmbeddedBlobStore store = new EmbeddedBlobStore(dataDir.resolve("blobs"))) {
      for (Map<String, String> record : records) {
        assertThat(store.exists(Cid.parse(record.get("recordCid")))).as("sealed record stored").isTrue();
        assertThat(store.exists(Cid.parse(record.get("signatureCid")))).as("signature stored").isTrue();
        assertThat(store.exists(Cid.parse(record.get("intakeCid")))).as("intake dropped once stored").isFalse();
      }
    } catch (StorageException e) {
      throw new IOException(e);
    }
    assertThat(countBlobs() - blobsBefore).as("blobs added: a sealed record and a signature per flow, no second copy")
        .isEqualTo(2L * instances.size());
  }

  private static Map<String, String> variablesOf(EngineNode node, String instance) throws IOException, InterruptedException {
    Map<String, String> values = new HashMap<>();
    for (JsonNode variable : node.get("/engine-rest/history/variable-instance?processInstanceId=" + instance)) {
      values.put(variable.get("name").asText(), variable.get("value").asText());
    }
    for (String name : VARIABLES) {
      assertThat(values).as("instance %s", instance).containsKey(name);
    }
    return values;
  }

  private List<String> anchoredRoots() throws IOException {
    String dataHub = Files.readString(dataDir.resolve("chain/datahub-address")).trim();
    EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(fromBlock), DefaultBlockParameterName.LATEST, dataHub)
        .addSingleTopic(EventEncoder.encode(DataHub.RECORDANCHORED_EVENT));
    EthLog logs = web3j.ethGetLogs(filter).send();
    if (logs.hasError()) {
      throw new IOException("eth_getLogs failed: " + logs.getError().getMessage());
    }
    return logs.getLogs().stream().map(result -> ((Log) result.get()).getTopics().get(1).substring(2).toLowerCase(java.util.Locale.ROOT)).toList();
  }

  private long countBlobs() throws IOException {
    Path blobs = dataDir.resolve("blobs/blobs");
    if (!Files.isDirectory(blobs)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(blobs)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  @Override
  public void close() {
    web3j.shutdown();
  }

  @Override
  public String toString() {
    return processKey();
  }
}
