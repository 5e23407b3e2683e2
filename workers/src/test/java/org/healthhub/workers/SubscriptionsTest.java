package org.healthhub.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionsTest {

  private final TaskHandler handler = task -> TaskOutcome.complete(java.util.Map.of());
  private final Subscriptions all = Subscriptions.builder()
      .subscribe(Topics.GROUPSIG_JOIN_MANAGER, handler)
      .subscribe(Topics.GROUPSIG_JOIN_MEMBER, handler)
      .build();

  @Test
  void only_knownTopic_keepsThatTopicAlone() {
    assertThat(all.only(List.of(Topics.GROUPSIG_JOIN_MEMBER)).handlers()).containsOnlyKeys(Topics.GROUPSIG_JOIN_MEMBER);
  }

  @Test
  void only_unknownTopic_throwsNamingIt() {
    assertThatThrownBy(() -> all.only(List.of("groupsig.join-manger")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("groupsig.join-manger");
  }
}
