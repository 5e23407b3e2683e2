package org.healthhub.crypto.groupsig;

/** The manager's next join message and the membership list after this step. */
public record ManagerJoinStep(JoinMessage message, Gml gml) {}
