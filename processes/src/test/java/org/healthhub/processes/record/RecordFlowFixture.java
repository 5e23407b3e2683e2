package org.healthhub.processes.record;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.healthhub.crypto.groupsig.cpy06.Cpy06;
import org.healthhub.processes.dev.LocalChainFixture;
import org.healthhub.processes.workers.ExternalTaskWakeUp;
import org.healthhub.storage.BlobStore;
import org.healthhub.storage.EmbeddedBlobStore;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.RetryPolicy;
import org.healthhub.workers.Subscriptions;
import org.healthhub.workers.TaskRunner;
import org.healthhub.workers.chain.DataHubAccess;
import org.healthhub.workers.enrol.GroupSignatureMembership;
import org.healthhub.workers.enrol.HospitalGroups;
import org.healthhub.workers.enrol.JoinMessage;
import org.healthhub.workers.enrol.JoinTurn;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.keys.TestKeyrings;
import org.healthhub.workers.launch.ExternalTaskPoller;
import org.healthhub.workers.record.RecordFlowHandlers;
import org.healthhub.workers.record.RecordIndex;
import org.healthhub.workers.record.RecordReader;
import org.healthhub.workers.record.SealedRecords;
import org.healthhub.workers.record.ShareIndex;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/**
 * Everything the record flows run on in a process test, all real: keystores, a CPY06 group with
 * enrolled doctors, the embedded blob store, anvil with DataHub, and an in-memory engine with the
 * plaintext history filter and the sealing listener.
 */
public final class RecordFlowFixture {

  public static final String GROUP = "st-mary";
  public static final List<String> USERS = List.of("admin", "hospital", "patient", "patient2", "groupmanager",
      "revocationmanager", "buyer", "doctor", "doctor2", "outsider");

  public final Path dataDir;
  public final Keyring keyring;
  public final BlobStore store;
  public final SealedRecords records;
  public final HospitalGroups groups;
  public final GroupSignatureMembership membership;
  public final RecordIndex index;
  public final ShareIndex shares;
  public final LocalChainFixture chain;
  public final DataHubAccess dataHub;
  public final ProcessEngine engine;
  /** Wakes in-process launchers when a flow started outside them reaches an external task. */
  public final ExternalTaskWakeUp wakeUp = new ExternalTaskWakeUp();
  /** The instances that reached an end event of their process, as they commit. */
  public final FlowEnds flowEnds = new FlowEnds();

  public RecordFlowFixture(String engineName) throws Exception {
    this(engineName, false);
  }

  /** With {@code h2File} the engine keeps its tables in an H2 file under the data directory, as the embedded default does. */
  public RecordFlowFixture(String engineName, boolean h2File) throws Exception {
    dataDir = Files.createTempDirectory("record-flow");
    keyring = TestKeyrings.of(dataDir.resolve("keystores"), USERS.toArray(String[]::new));
    store = new EmbeddedBlobStore(dataDir.resolve("blobs"));
    records = new SealedRecords(store, keyring);
    groups = new HospitalGroups(dataDir.resolve("hospital-groups"), new Cpy06(), keyring);
    groups.createIfAbsent(GROUP, "groupmanager", "revocationmanager");
    membership = new GroupSignatureMembership(groups, keyring);
    index = new RecordIndex(dataDir.resolve("records"));
    shares = new ShareIndex(dataDir.resolve("shares"));
    chain = LocalChainFixture.start(dataDir, keyring);
    dataHub = chain.access();
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(engineName);
    configuration.setJdbcUrl(h2File ? "jdbc:h2:file:" + dataDir.resolve("engine").resolve(engineName)
        : "jdbc:h2:mem:" + engineName + ";DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setBeans(Map.of("sealRecordInputs", new SealRecordInputs(records)));
    configuration.setProcessEnginePlugins(List.of(new PlaintextHistoryPlugin(), wakeUp, flowEnds));
    engine = configuration.buildProcessEngine();
  }

  /** Runs the four CPY06 join messages for {@code doctor} through the adapter (the enrol flow's own test covers the flow). */
  public void enrol(String doctor) throws Exception {
    JoinMessage offer = membership.managerTurn(GROUP, doctor, 0, Optional.empty()).reply().orElseThrow();
    JoinMessage commitment = membership.memberTurn(GROUP, doctor, 1, offer).reply().orElseThrow();
    JoinTurn admitted = membership.managerTurn(GROUP, doctor, 2, Optional.of(commitment));
    membership.memberTurn(GROUP, doctor, 3, admitted.reply().orElseThrow());
  }

  /** Every handler of store-record and share-record, on {@code chainAccess}. */
  public Subscriptions.Builder allHandlers(DataHubAccess chainAccess) {
    return new RecordFlowHandlers(records, keyring, store, membership, groups, chainAccess, "hospital", index, shares,
        new HandlerResults(dataDir.resolve("results")), dataDir.resolve("staging"), Clock.systemUTC())
        .subscribeTo(Subscriptions.builder());
  }

  RecordReader reader() {
    return new RecordReader(records, index, shares, groups, dataHub);
  }

  public ExternalTaskPoller poller(Subscriptions subscriptions, List<Duration> backoffs) {
    ExternalTaskService service = engine.getExternalTaskService();
    return new ExternalTaskPoller(service, subscriptions, new TaskRunner(new RetryPolicy(backoffs)), "process-test",
        Duration.ofMinutes(1));
  }

  /** DataHub through a port where nothing listens: every transaction fails as a node outage would. */
  DataHubAccess unreachableChain() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return new DataHubAccess("http://127.0.0.1:" + port, 84532, dataDir.resolve("chain/datahub-address"), keyring);
  }

  public static int drain(ExternalTaskPoller poller) {
    int handled = 0;
    for (int fetched = poller.pollOnce(1, Runnable::run); fetched > 0; fetched = poller.pollOnce(1, Runnable::run)) {
      handled += fetched;
    }
    return handled;
  }

  public void close() {
    engine.close();
    dataHub.close();
    chain.stop();
    store.close();
  }
}
