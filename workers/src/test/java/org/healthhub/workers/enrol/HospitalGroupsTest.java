package org.healthhub.workers.enrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.cpy06.Cpy06;
import org.healthhub.workers.enrol.HospitalGroups.PublicGroup;
import org.healthhub.workers.keys.TestKeyrings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A group's public part as read from its file: imported once, again whenever the file changes. */
class HospitalGroupsTest {

  @TempDir Path dir;
  private HospitalGroups groups;
  private PublicGroup first;
  private PublicGroup second;

  @BeforeEach
  void createGroups() throws Exception {
    groups = new HospitalGroups(dir.resolve("groups"), new Cpy06(),
        TestKeyrings.of(dir.resolve("keys"), "groupmanager", "revocationmanager"));
    first = groups.createIfAbsent("first", "groupmanager", "revocationmanager");
    second = groups.createIfAbsent("second", "groupmanager", "revocationmanager");
  }

  @Test
  void find_unchangedFile_returnsTheGroupImportedBefore() throws Exception {
    PublicGroup found = groups.require("first");

    assertThat(groups.require("first")).isSameAs(found);
    assertThat(found.groupKey().toBase64()).isEqualTo(first.groupKey().toBase64());
  }

  @Test
  void find_fileReplaced_importsTheNewKey() throws Exception {
    groups.require("first");

    Files.copy(file("second"), file("first"), StandardCopyOption.REPLACE_EXISTING);

    assertThat(groups.require("first").groupKey().toBase64()).isEqualTo(second.groupKey().toBase64());
  }

  @Test
  void find_fileAlteredAfterImport_isRejectedNotServedFromMemory() throws Exception {
    groups.require("first");
    String key = first.groupKey().toBase64();
    String altered = key.substring(0, 60) + (key.charAt(60) == 'A' ? 'B' : 'A') + key.substring(61);

    Files.writeString(file("first"), Files.readString(file("first")).replace(key, altered));

    assertThatThrownBy(() -> groups.require("first")).isInstanceOf(MalformedInputException.class);
  }

  @Test
  void find_fileDeleted_findsNoGroup() throws Exception {
    groups.require("first");

    Files.delete(file("first"));

    assertThat(groups.find("first")).isEmpty();
  }

  private Path file(String groupId) {
    return dir.resolve("groups").resolve(groupId + ".json");
  }
}
