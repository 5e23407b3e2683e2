package org.healthhub.workers.enrol;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The membership lists as files: {@code <dir>/<group>/<member>.json}, names base64url-encoded. */
public final class FileMembershipList implements MembershipList {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;

  public FileMembershipList(Path directory) {
    this.directory = directory;
  }

  @Override
  public synchronized void add(MemberEntry member) throws IOException {
    Optional<MemberEntry> listed = find(member.groupId(), member.memberId());
    if (listed.isPresent()) {
      if (!listed.get().entry().equals(member.entry())) {
        throw new IllegalStateException("member " + member.memberId() + " of group " + member.groupId()
            + " is already listed with another entry");
      }
      return;
    }
    Path group = Files.createDirectories(directory.resolve(fileName(member.groupId())));
    Path partial = Files.createTempFile(group, "member", ".partial");
    JSON.writeValue(partial.toFile(), Map.of("groupId", member.groupId(), "memberId", member.memberId(),
        "entry", member.entry(), "admittedAt", member.admittedAt().toString()));
    Files.move(partial, group.resolve(fileName(member.memberId()) + ".json"), StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public Optional<MemberEntry> find(String groupId, String memberId) throws IOException {
    Path file = directory.resolve(fileName(groupId)).resolve(fileName(memberId) + ".json");
    return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
  }

  @Override
  public List<MemberEntry> members(String groupId) throws IOException {
    Path group = directory.resolve(fileName(groupId));
    if (!Files.isDirectory(group)) {
      return List.of();
    }
    List<MemberEntry> members = new ArrayList<>();
    try (Stream<Path> files = Files.list(group)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        members.add(read(file));
      }
    }
    return members;
  }

  private static MemberEntry read(Path file) throws IOException {
    Map<String, String> fields = JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() {});
    return new MemberEntry(fields.get("groupId"), fields.get("memberId"), fields.get("entry"),
        Instant.parse(fields.get("admittedAt")));
  }

  private static String fileName(String id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
  }
}
