package org.healthhub.workers.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.healthhub.workers.Subscriptions;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyCustodyTest {

  private static final KeyCustody CUSTODY = KeyCustody.of("groupmanager", "revocationmanager", "hospital");

  @TempDir Path dir;

  @Test
  void servable_rmOnlyKeyringListsGmTopic_throwsNamingTheKeystoreAndSetting() {
    Keyring rmOnly = TestKeyrings.of(dir, "revocationmanager");

    assertThatThrownBy(() -> CUSTODY.servable(everyTopic(), List.of(Topics.OPENING_PARTIAL_RM, Topics.OPENING_PARTIAL_GM),
        rmOnly))
        .isInstanceOf(MissingKeystoreException.class)
        .hasMessageContaining("opening.partial-gm")
        .hasMessageContaining("'groupmanager'")
        .hasMessageContaining("healthhub.keystores.passphrases.groupmanager")
        .hasMessageNotContaining("opening.partial-rm]");
  }

  @Test
  void servable_rmOnlyKeyringListsRmTopic_servesIt() {
    Subscriptions served = CUSTODY.servable(everyTopic(), List.of(Topics.OPENING_PARTIAL_RM),
        TestKeyrings.of(dir, "revocationmanager"));

    assertThat(served.handlers()).containsOnlyKeys(Topics.OPENING_PARTIAL_RM);
  }

  @Test
  void servable_rmOnlyKeyringNoTopicsListed_leavesOutEveryOtherPartysTopic() {
    Subscriptions served = CUSTODY.servable(everyTopic(), List.of(), TestKeyrings.of(dir, "revocationmanager"));

    assertThat(served.handlers()).containsKey(Topics.OPENING_PARTIAL_RM)
        .doesNotContainKeys(Topics.OPENING_PARTIAL_GM, Topics.OPENING_COMBINE, Topics.GROUPSIG_JOIN_MANAGER,
            Topics.CHAIN_ANCHOR);
  }

  @Test
  void servable_everyKeystoreHeld_servesEveryTopic() {
    Subscriptions all = everyTopic();

    assertThat(CUSTODY.servable(all, List.of(), TestKeyrings.of(dir, "groupmanager", "revocationmanager", "hospital",
        "doctor")).handlers()).isEqualTo(all.handlers());
  }

  @Test
  void servable_partiesOnlyListsMemberTopic_throwsNamingThePassphrasesDir() {
    Keyring partiesOnly = TestKeyrings.of(dir, "groupmanager", "revocationmanager", "hospital");

    assertThatThrownBy(() -> CUSTODY.servable(everyTopic(), List.of(Topics.RECORD_SIGN, Topics.OPENING_PARTIAL_GM),
        partiesOnly))
        .isInstanceOf(MissingKeystoreException.class)
        .hasMessageContaining("[record.sign]")
        .hasMessageContaining("healthhub.keystores.passphrases-dir")
        .hasMessageNotContaining("opening.partial-gm");
  }

  @Test
  void servable_membersWithoutTheHospitalListsAnchor_throwsNamingTheHospital() {
    Keyring membersOnly = TestKeyrings.of(dir, "doctor", "patient");

    assertThatThrownBy(() -> CUSTODY.servable(everyTopic(), List.of(Topics.CHAIN_ANCHOR), membersOnly))
        .isInstanceOf(MissingKeystoreException.class).hasMessageContaining("'hospital'");
    assertThat(CUSTODY.servable(everyTopic(), List.of(Topics.RECORD_SIGN, Topics.CHAIN_SHARE), membersOnly).handlers())
        .containsOnlyKeys(Topics.RECORD_SIGN, Topics.CHAIN_SHARE);
  }

  @Test
  void servable_gmNoTopicsListed_leavesOutMemberTopics() {
    Subscriptions served = CUSTODY.servable(everyTopic(), List.of(), TestKeyrings.of(dir, "groupmanager"));

    assertThat(served.handlers()).containsKeys(Topics.GROUPSIG_JOIN_MANAGER, Topics.RECORD_VERIFY, Topics.PURCHASE_MATCH)
        .doesNotContainKeys(Topics.GROUPSIG_JOIN_MEMBER, Topics.RECORD_SIGN, Topics.PURCHASE_DELIVER);
  }

  @Test
  void holderOf_purchaseRepliesFromTheHospital_nameTheHospital() {
    assertThat(CUSTODY.holderOf(Topics.CHAIN_PURCHASE_REPLY)).contains("hospital");
    assertThat(CUSTODY.holderOf(Topics.CHAIN_PURCHASE_ACCEPT)).as("the buyer's, named by the task").isEmpty();
    assertThat(CUSTODY.opensMembersKeystores(Topics.CHAIN_PURCHASE_ACCEPT)).isTrue();
  }

  @Test
  void holderOf_managerTopics_nameTheirManagerOnly() {
    assertThat(CUSTODY.holderOf(Topics.OPENING_PARTIAL_GM)).contains("groupmanager");
    assertThat(CUSTODY.holderOf(Topics.OPENING_PARTIAL_RM)).contains("revocationmanager");
    assertThat(CUSTODY.holderOf(Topics.RECORD_SIGN)).as("the task's doctor, checked per task").isEmpty();
  }

  @Test
  void of_sameUserForBothManagers_throws() {
    assertThatThrownBy(() -> KeyCustody.of("manager", "manager", "hospital")).isInstanceOf(IllegalArgumentException.class);
  }

  private static Subscriptions everyTopic() {
    Subscriptions.Builder builder = Subscriptions.builder();
    Arrays.stream(Topics.class.getFields()).filter(field -> Modifier.isStatic(field.getModifiers())).forEach(field -> {
      try {
        builder.subscribe((String) field.get(null), task -> TaskOutcome.complete(Map.of()));
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    });
    return builder.build();
  }
}
