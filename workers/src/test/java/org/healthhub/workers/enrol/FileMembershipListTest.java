package org.healthhub.workers.enrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMembershipListTest {

  @TempDir Path dir;

  private final Instant now = Instant.parse("2026-11-24T12:00:00Z");

  @Test
  void add_thenReopened_findsAndListsMember() throws Exception {
    new FileMembershipList(dir).add(new MemberEntry("st-mary", "doctor1", "AAAA", now));
    FileMembershipList reopened = new FileMembershipList(dir);

    assertThat(reopened.find("st-mary", "doctor1")).contains(new MemberEntry("st-mary", "doctor1", "AAAA", now));
    assertThat(reopened.members("st-mary")).extracting(MemberEntry::memberId).containsExactly("doctor1");
    assertThat(reopened.members("st-anne")).isEmpty();
  }

  @Test
  void add_sameEntryTwice_keepsOne() throws Exception {
    FileMembershipList list = new FileMembershipList(dir);
    list.add(new MemberEntry("g", "d", "AAAA", now));
    list.add(new MemberEntry("g", "d", "AAAA", now.plusSeconds(5)));

    assertThat(list.members("g")).containsExactly(new MemberEntry("g", "d", "AAAA", now));
  }

  @Test
  void add_otherEntryForListedMember_throws() throws Exception {
    FileMembershipList list = new FileMembershipList(dir);
    list.add(new MemberEntry("g", "d", "AAAA", now));

    assertThatThrownBy(() -> list.add(new MemberEntry("g", "d", "BBBB", now)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already listed with another entry");
  }
}
