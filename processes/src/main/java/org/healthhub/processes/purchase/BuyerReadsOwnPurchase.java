package org.healthhub.processes.purchase;

import org.healthhub.workers.purchase.PurchaseVariables;
import org.operaton.bpm.engine.AuthorizationService;
import org.operaton.bpm.engine.authorization.Authorization;
import org.operaton.bpm.engine.authorization.ProcessInstancePermissions;
import org.operaton.bpm.engine.authorization.Resources;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.impl.context.Context;

/**
 * Lets the buyer who requested a purchase read that one purchase (its instance and variables) and
 * no other: buyers hold no read grant on purchase-data as a whole, so another buyer's purchase stays
 * hidden. Runs after {@link PurchaseRequestChecks}, so the grant goes only to a checked buyer.
 */
public class BuyerReadsOwnPurchase implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    String buyer = (String) execution.getVariable(PurchaseVariables.BUYER_ID);
    AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
    // The buyer may not write authorizations; the engine grants this on the buyer's behalf.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      read.setUserId(buyer);
      read.setResource(Resources.PROCESS_INSTANCE);
      read.setResourceId(execution.getProcessInstanceId());
      read.addPermission(ProcessInstancePermissions.READ);
      return authorizations.saveAuthorization(read);
    });
  }
}
