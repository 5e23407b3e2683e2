package org.healthhub.processes.identity;

import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.AuthorizationService;
import org.operaton.bpm.engine.authorization.Authorization;
import org.operaton.bpm.engine.authorization.Permission;
import org.operaton.bpm.engine.authorization.Permissions;
import org.operaton.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.operaton.bpm.engine.authorization.ProcessInstancePermissions;
import org.operaton.bpm.engine.authorization.Resource;
import org.operaton.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Grants each role what its flows need, idempotently at every start (the engine checks
 * authorizations: {@code operaton.bpm.authorization.enabled=true}). Who starts which flow is
 * granted by process definition key, so a flow deployed later (purchase-data) is covered the day it
 * lands. Tasks need nothing here: the engine grants a task to its candidate users and groups and
 * to its assignee when it creates them. Admins ({@code operaton-admin}) get every permission on every
 * resource, as Operaton's own admin setup grants them (the engine filters even an admin's queries).
 */
@Component
class RoleAuthorizations implements ApplicationRunner {

  /** Which flows each role may start. */
  static final Map<Role, List<String>> STARTS = Map.of(
      Role.DOCTOR, List.of("enrol-doctor", "store-record"),
      Role.PATIENT, List.of("share-record"),
      Role.BUYER, List.of("purchase-data"),
      Role.GROUP_MANAGER, List.of("open-signature"),
      Role.REVOCATION_MANAGER, List.of("open-signature"));

  private final AuthorizationService authorizations;

  RoleAuthorizations(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Role role : Role.values()) {
      if (role == Role.ADMIN || role == Role.WORKER) {
        continue;
      }
      grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(role, Resources.FILTER, Authorization.ANY, Permissions.READ);
      // Tasklist reads start and task forms out of the deployment (our BPMN and forms, no data).
      grant(role, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
      for (String flow : STARTS.getOrDefault(role, List.of())) {
        grant(role, Resources.PROCESS_DEFINITION, flow,
            ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(role, Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.CREATE);
      }
    }
    for (Resources resource : Resources.values()) {
      grant(Role.ADMIN, resource, Authorization.ANY, Permissions.ALL);
    }
    // Fetch-and-lock reads and updates the instances whose external tasks it takes; nothing else.
    grant(Role.WORKER, Resources.PROCESS_DEFINITION, Authorization.ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.UPDATE_INSTANCE);
    grant(Role.WORKER, Resources.PROCESS_INSTANCE, Authorization.ANY,
        ProcessInstancePermissions.READ, ProcessInstancePermissions.UPDATE);
  }

  private void grant(Role role, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery().groupIdIn(role.groupId)
        .resourceType(resource).resourceId(resourceId).singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(role.groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
