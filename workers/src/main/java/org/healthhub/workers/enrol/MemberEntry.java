package org.healthhub.workers.enrol;

import java.time.Instant;

/** One admitted member of a group: the manager's public record of it (the scheme's GML entry, base64). */
public record MemberEntry(String groupId, String memberId, String entry, Instant admittedAt) {}
