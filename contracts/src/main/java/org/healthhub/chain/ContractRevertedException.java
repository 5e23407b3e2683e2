package org.healthhub.chain;

/**
 * The contract refused the call with a custom error (or {@code Error(string)}/{@code Panic(uint256)}).
 * A business outcome, not a transient fault: retrying the same call in the same state fails again.
 */
public final class ContractRevertedException extends ChainException {
  private final String errorName;
  private final String revertData;

  public ContractRevertedException(String errorName, String revertData) {
    super("contract reverted with " + errorName + " (" + revertData + ")");
    this.errorName = errorName;
    this.revertData = revertData;
  }

  /** The Solidity error's name, such as {@code WrongState}; {@code unknown:0x<selector>} when not in the ABI. */
  public String errorName() {
    return errorName;
  }

  /** The raw revert data, hex with 0x, selector first. */
  public String revertData() {
    return revertData;
  }
}
