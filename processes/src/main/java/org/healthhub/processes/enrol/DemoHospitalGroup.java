package org.healthhub.processes.enrol;

import org.healthhub.workers.enrol.HospitalGroups;
import org.healthhub.workers.enrol.HospitalGroups.PublicGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Creates the demo hospital group at first start (a later start finds it and changes nothing):
 * dual-control setup, the GM's issuing key, opening share and GML in the GM's keyring, the RM's
 * share in the RM's, the group key and share commitments public.
 */
@Component
@ConditionalOnProperty(name = "healthhub.demo-group.enabled", havingValue = "true", matchIfMissing = true)
class DemoHospitalGroup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoHospitalGroup.class);

  private final HospitalGroups groups;
  private final String groupId;
  private final String groupManager;
  private final String revocationManager;

  DemoHospitalGroup(HospitalGroups groups,
      @Value("${healthhub.demo-group.id:st-mary}") String groupId,
      @Value("${healthhub.demo-group.manager:groupmanager}") String groupManager,
      @Value("${healthhub.demo-group.revocation-manager:revocationmanager}") String revocationManager) {
    this.groups = groups;
    this.groupId = groupId;
    this.groupManager = groupManager;
    this.revocationManager = revocationManager;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    PublicGroup group = groups.createIfAbsent(groupId, groupManager, revocationManager);
    LOG.info("hospital group {} ({}): group manager {}, revocation manager {}", group.groupId(),
        group.groupKey().scheme(), group.groupManager(), group.revocationManager());
  }
}
