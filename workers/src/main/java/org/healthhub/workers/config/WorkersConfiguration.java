package org.healthhub.workers.config;

import java.nio.file.Path;
import java.time.Clock;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.RetryPolicy;
import org.healthhub.workers.Subscriptions;
import org.healthhub.workers.TaskRunner;
import org.healthhub.workers.Topics;
import org.healthhub.workers.enrol.CertificateMembership;
import org.healthhub.workers.enrol.FileMembershipList;
import org.healthhub.workers.enrol.GroupMembership;
import org.healthhub.workers.enrol.JoinStepHandler;
import org.healthhub.workers.enrol.MembershipList;
import org.healthhub.workers.launch.WorkerProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place that subscribes every handler to its topic; both launchers run what it builds.
 * Handler state lives under {@code healthhub.data-dir}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkerProperties.class)
public class WorkersConfiguration {

  @Bean
  HandlerResults handlerResults(@Value("${healthhub.data-dir:./data}") Path dataDir) {
    return new HandlerResults(dataDir.resolve("workers/results"));
  }

  @Bean
  MembershipList membershipList(@Value("${healthhub.data-dir:./data}") Path dataDir) {
    return new FileMembershipList(dataDir.resolve("groups"));
  }

  // Stand-in until the group-signature schemes land: replace this bean with their GroupMembership adapter.
  @Bean
  GroupMembership groupMembership() {
    return new CertificateMembership();
  }

  @Bean
  TaskRunner taskRunner(WorkerProperties properties) {
    return new TaskRunner(new RetryPolicy(properties.backoffs()));
  }

  @Bean
  Subscriptions subscriptions(GroupMembership membership, MembershipList membershipList, HandlerResults results) {
    return Subscriptions.builder()
        .subscribe(Topics.GROUPSIG_JOIN_MANAGER, JoinStepHandler.manager(membership, membershipList, results, Clock.systemUTC()))
        .subscribe(Topics.GROUPSIG_JOIN_MEMBER, JoinStepHandler.member(membership, results))
        .build();
  }
}
