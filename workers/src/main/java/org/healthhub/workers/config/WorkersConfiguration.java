package org.healthhub.workers.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.healthhub.chain.ChainMeters;
import org.healthhub.crypto.groupsig.cpy06.Cpy06;
import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.storage.BlobStore;
import org.healthhub.storage.BlobStores;
import org.healthhub.storage.MeteredBlobStore;
import org.healthhub.storage.StorageException;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.RetryPolicy;
import org.healthhub.workers.Subscriptions;
import org.healthhub.workers.TaskRunner;
import org.healthhub.workers.Topics;
import org.healthhub.workers.chain.DataHubAccess;
import org.healthhub.workers.enrol.FileMembershipList;
import org.healthhub.workers.enrol.GroupSignatureMembership;
import org.healthhub.workers.enrol.HospitalGroups;
import org.healthhub.workers.enrol.HospitalOpeningGroups;
import org.healthhub.workers.enrol.JoinChannel;
import org.healthhub.workers.enrol.JoinStepHandler;
import org.healthhub.workers.enrol.MembershipList;
import org.healthhub.workers.keys.KeyCustody;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.keys.KeyringSettings;
import org.healthhub.workers.keys.KeystoreProperties;
import org.healthhub.workers.launch.WorkerProperties;
import org.healthhub.workers.opening.CombineOpeningHandler;
import org.healthhub.workers.opening.ManagerKeys;
import org.healthhub.workers.opening.PartialOpeningHandler;
import org.healthhub.workers.purchase.PurchaseFlowHandlers;
import org.healthhub.workers.record.RecordFlowHandlers;
import org.healthhub.workers.record.RecordIndex;
import org.healthhub.workers.record.RecordReader;
import org.healthhub.workers.record.SealedRecords;
import org.healthhub.workers.record.ShareIndex;
import org.healthhub.workers.record.SignRootHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place that subscribes every handler to its topic; both launchers run what it builds.
 * Handler state lives under {@code healthhub.data-dir}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WorkerProperties.class, KeystoreProperties.class})
public class WorkersConfiguration {

  @Bean
  HandlerResults handlerResults(@Value("${healthhub.data-dir:./data}") Path dataDir) {
    return new HandlerResults(dataDir.resolve("workers/results"));
  }

  @Bean
  MembershipList membershipList(@Value("${healthhub.data-dir:./data}") Path dataDir) {
    return new FileMembershipList(dataDir.resolve("groups"));
  }

  @Bean
  Keyring keyring(@Value("${healthhub.data-dir:./data}") Path dataDir, KeystoreProperties properties)
      throws IOException, GeneralSecurityException {
    return KeyringSettings.open(properties, dataDir.resolve("keystores"));
  }

  @Bean(destroyMethod = "close")
  BlobStore blobStore(@Value("${healthhub.data-dir:./data}") Path dataDir,
      @Value("${healthhub.storage.ipfs-api-url:}") String ipfsApiUrl,
      ObjectProvider<MeterRegistry> meters) throws StorageException {
    BlobStore store = ipfsApiUrl.isBlank()
        ? BlobStores.fromSettings(Map.of(BlobStores.DATA_DIR, dataDir.resolve("blobs").toString()))
        : BlobStores.fromSettings(Map.of(BlobStores.IPFS_API_URL, ipfsApiUrl));
    return new MeteredBlobStore(store, meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  /** CPY06: its join keeps the member's secret with the member (see processes/README.md). */
  @Bean
  HospitalGroups hospitalGroups(@Value("${healthhub.data-dir:./data}") Path dataDir, Keyring keyring) {
    return new HospitalGroups(dataDir.resolve("hospital-groups"), new Cpy06(), keyring);
  }

  @Bean
  GroupSignatureMembership groupMembership(HospitalGroups groups, Keyring keyring) {
    return new GroupSignatureMembership(groups, keyring);
  }

  @Bean(destroyMethod = "close")
  DataHubAccess dataHubAccess(@Value("${healthhub.data-dir:./data}") Path dataDir,
      @Value("${healthhub.chain.rpc-url:http://127.0.0.1:8545}") String rpcUrl,
      @Value("${healthhub.chain.chain-id:84532}") long chainId,
      @Value("${healthhub.chain.receipt-poll-millis:100}") long receiptPollMillis, Keyring keyring,
      ObjectProvider<MeterRegistry> meters) {
    return new DataHubAccess(rpcUrl, chainId, dataDir.resolve("chain/datahub-address"), keyring,
        new ChainMeters(meters.getIfAvailable(SimpleMeterRegistry::new)), Duration.ofMillis(receiptPollMillis));
  }

  @Bean
  JoinChannel joinChannel(BlobStore blobStore, Keyring keyring) {
    return new JoinChannel(blobStore, keyring);
  }

  @Bean
  SealedRecords sealedRecords(BlobStore blobStore, Keyring keyring) {
    return new SealedRecords(blobStore, keyring);
  }

  @Bean
  RecordIndex recordIndex(@Value("${healthhub.data-dir:./data}") Path dataDir) {
    return new RecordIndex(dataDir.resolve("records"));
  }

  @Bean
  ShareIndex shareIndex(@Value("${healthhub.data-dir:./data}") Path dataDir) {
    return new ShareIndex(dataDir.resolve("shares"));
  }

  @Bean
  RecordReader recordReader(SealedRecords records, RecordIndex index, ShareIndex shares, HospitalGroups groups,
      DataHubAccess chain) {
    return new RecordReader(records, index, shares, groups, chain);
  }

  @Bean
  HospitalOpeningGroups openingGroups(HospitalGroups groups, Keyring keyring) {
    return new HospitalOpeningGroups(groups, keyring);
  }

  @Bean
  KeyCustody keyCustody(@Value("${healthhub.demo-group.manager:groupmanager}") String groupManager,
      @Value("${healthhub.demo-group.revocation-manager:revocationmanager}") String revocationManager,
      @Value("${healthhub.chain.hospital-account:hospital}") String hospitalAccount) {
    return KeyCustody.of(groupManager, revocationManager, hospitalAccount);
  }

  @Bean
  TaskRunner taskRunner(WorkerProperties properties, ObjectProvider<MeterRegistry> meters) {
    // The engine app has a registry (actuator); a standalone worker without one keeps its meters in memory.
    return new TaskRunner(new RetryPolicy(properties.backoffs()), meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Bean
  Subscriptions subscriptions(GroupSignatureMembership membership, JoinChannel channel, HospitalGroups groups,
      MembershipList membershipList, HandlerResults results, SealedRecords records, Keyring keyring, BlobStore blobStore,
      DataHubAccess chain, RecordIndex index, ShareIndex shares, @Value("${healthhub.data-dir:./data}") Path dataDir,
      @Value("${healthhub.chain.hospital-account:hospital}") String hospitalAccount, HospitalOpeningGroups openingGroups,
      @Value("${healthhub.demo-group.manager:groupmanager}") String groupManager,
      @Value("${healthhub.demo-group.revocation-manager:revocationmanager}") String revocationManager,
      @Value("${healthhub.demo-group.id:st-mary}") String hospitalGroupId)
      throws IOException, GeneralSecurityException {
    RecordFlowHandlers recordFlows = new RecordFlowHandlers(records, keyring, blobStore, membership, groups, chain,
        hospitalAccount, index, shares, results, dataDir.resolve("workers/staging"), Clock.systemUTC());
    ManagerKeys managers = new ManagerKeys(keyring.wrappingPublicKey(groupManager),
        keyring.wrappingPublicKey(revocationManager));
    PurchaseFlowHandlers purchaseFlows = new PurchaseFlowHandlers(records, blobStore, groups, chain, index,
        hospitalAccount, hospitalGroupId, managers, results);
    return purchaseFlows.subscribeTo(recordFlows.subscribeTo(Subscriptions.builder()))
        .subscribe(Topics.OPENING_PARTIAL_GM, new PartialOpeningHandler(ManagerRole.GROUP_MANAGER, openingGroups,
            () -> chain.as(groupManager), blobStore, openingGroups, managers, results))
        .subscribe(Topics.OPENING_PARTIAL_RM, new PartialOpeningHandler(ManagerRole.REVOCATION_MANAGER, openingGroups,
            () -> chain.as(revocationManager), blobStore, openingGroups, managers, results))
        .subscribe(Topics.OPENING_COMBINE, new CombineOpeningHandler(() -> keyring.keysOf(groupManager).wrapping(),
            () -> chain.as(groupManager), blobStore, openingGroups, SignRootHandler::signedText, managers, results))
        .subscribe(Topics.GROUPSIG_JOIN_MANAGER,
            JoinStepHandler.manager(membership, channel, groups, membershipList, results, Clock.systemUTC()))
        .subscribe(Topics.GROUPSIG_JOIN_MEMBER, JoinStepHandler.member(membership, channel, groups, results))
        .build();
  }
}
