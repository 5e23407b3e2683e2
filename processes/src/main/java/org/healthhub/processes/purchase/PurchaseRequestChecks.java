package org.healthhub.processes.purchase;

import java.math.BigInteger;
import org.healthhub.crypto.record.deid.DisclosureDeniedException;
import org.healthhub.workers.purchase.PurchaseTemplate;
import org.healthhub.workers.purchase.PurchaseVariables;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;

/**
 * Refuses a purchase request before anything is escrowed or stored: a signed-in member of
 * {@code buyers} (the engine does not enforce candidate starter groups), fields the
 * Safe Harbor profile allows (each refused field named with the reason), a positive minimum and
 * price, and a delivery deadline after the reply deadline. The numbers are kept as integers.
 */
public class PurchaseRequestChecks implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (!(execution.getVariable(PurchaseVariables.BUYER_ID) instanceof String buyer) || buyer.isBlank()) {
      throw new ProcessEngineException("a purchase is requested by a signed-in buyer");
    }
    if (execution.getProcessEngineServices().getIdentityService().createUserQuery().userId(buyer)
        .memberOfGroup("buyers").count() == 0) {
      throw new ProcessEngineException(buyer + " is not a data buyer and cannot request a purchase");
    }
    try {
      PurchaseTemplate.checked((String) execution.getVariable(PurchaseVariables.FIELDS));
    } catch (DisclosureDeniedException e) {
      throw new ProcessEngineException("fields refused by the Safe Harbor de-identification profile: " + e.denials()
          .stream().map(denial -> denial.path() + " (" + denial.reason() + ")").toList());
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new ProcessEngineException("purchaseFields: " + e.getMessage());
    }
    int minimum = positive(execution, PurchaseVariables.MINIMUM_RECORDS);
    int replyHours = positive(execution, PurchaseVariables.REPLY_HOURS);
    int deliveryHours = positive(execution, PurchaseVariables.DELIVERY_HOURS);
    if (deliveryHours <= replyHours) {
      throw new ProcessEngineException("the delivery deadline (" + deliveryHours + " h) must come after the reply deadline ("
          + replyHours + " h)");
    }
    Object price = execution.getVariable(PurchaseVariables.PRICE_WEI);
    if (!(price instanceof String text) || !text.matches("[1-9][0-9]{0,25}") || new BigInteger(text).bitLength() > 80) {
      throw new ProcessEngineException("priceWei must be a positive whole number of wei below 2^80, found " + price);
    }
    execution.setVariable(PurchaseVariables.MINIMUM_RECORDS, minimum);
    execution.setVariable(PurchaseVariables.REPLY_HOURS, replyHours);
    execution.setVariable(PurchaseVariables.DELIVERY_HOURS, deliveryHours);
  }

  private static int positive(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
        || number.doubleValue() < 1 || number.doubleValue() > 100_000) {
      throw new ProcessEngineException(name + " must be a whole number from 1 to 100000, found " + value);
    }
    return number.intValue();
  }
}
