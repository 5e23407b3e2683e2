package org.healthhub.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.healthhub.chain.generated.DataHub;
import org.healthhub.chain.testing.DataHubFixture;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

class DataHubAdminTest extends DeployedDataHubTest {
  private static final String ZERO = "0x0000000000000000000000000000000000000000";
  @Test
  void deploy_sameManagers_revertsManagersMustDiffer() {
    String gm = f.groupManager.getAddress();
    assertThatThrownBy(() -> DataHubGateway.deploy(f.anvil.web3j(), f.sender(f.admin), gm, gm, 60))
        .isInstanceOf(ContractRevertedException.class)
        .extracting(e -> ((ContractRevertedException) e).errorName()).isEqualTo("ManagersMustDiffer");
  }

  @Test
  void deploy_zeroDisputeWindow_revertsInvalidDisputeWindow() {
    assertThatThrownBy(() -> DataHubGateway.deploy(f.anvil.web3j(), f.sender(f.admin), f.groupManager.getAddress(),
        f.revocationManager.getAddress(), 0))
        .extracting(e -> ((ContractRevertedException) e).errorName()).isEqualTo("InvalidDisputeWindow");
  }

  @Test
  void setManagers_sameOrZeroAddress_reverts() {
    String gm = f.groupManager.getAddress();
    f.assertReverts("ManagersMustDiffer", f.admin, hub.setManagers(gm, gm));
    f.assertReverts("ZeroAddress", f.admin, hub.setManagers(gm, ZERO));
    f.assertReverts("OwnableUnauthorizedAccount", f.stranger, hub.setManagers(gm, f.stranger.getAddress()));
  }

  @Test
  void setManagers_rotation_emitsEventAndBumpsEpoch() throws Exception {
    TransactionReceipt receipt = f.send(f.admin, hub.setManagers(f.stranger.getAddress(), f.groupManager.getAddress()));

    DataHub.ManagersChangedEventResponse event = DataHub.getManagersChangedEvents(receipt).get(0);
    assertThat(event.groupManager).isEqualToIgnoringCase(f.stranger.getAddress());
    assertThat(event.revocationManager).isEqualToIgnoringCase(f.groupManager.getAddress());
    assertThat(event.epoch.longValue()).isEqualTo(2);
    assertThat(hub.revocationManager().send()).isEqualToIgnoringCase(f.groupManager.getAddress());
  }

  @Test
  void hospitals_registerAndRemove_emitAndGuard() throws Exception {
    String other = f.otherHospital.getAddress();
    f.assertReverts("OwnableUnauthorizedAccount", f.stranger, hub.registerHospital(other));
    f.assertReverts("ZeroAddress", f.admin, hub.registerHospital(ZERO));
    f.assertReverts("HospitalAlreadyRegistered", f.admin, hub.registerHospital(f.hospital.getAddress()));

    TransactionReceipt added = f.send(f.admin, hub.registerHospital(other));
    assertThat(DataHub.getHospitalRegisteredEvents(added).get(0).hospital).isEqualToIgnoringCase(other);
    TransactionReceipt removed = f.send(f.admin, hub.removeHospital(other));
    assertThat(DataHub.getHospitalRemovedEvents(removed).get(0).hospital).isEqualToIgnoringCase(other);

    assertThat(hub.hospitals(other).send()).isFalse();
    f.assertReverts("NotHospital", f.admin, hub.removeHospital(other));
  }

  @Test
  void ownership_twoStepTransfer_rotatesAdmin() throws Exception {
    TransactionReceipt started = f.send(f.admin, hub.transferOwnership(f.stranger.getAddress()));
    assertThat(DataHub.getOwnershipTransferStartedEvents(started)).hasSize(1);
    f.assertReverts("OwnableUnauthorizedAccount", f.stranger, hub.registerHospital(f.otherHospital.getAddress()));

    TransactionReceipt accepted = f.send(f.stranger, hub.acceptOwnership());

    assertThat(DataHub.getOwnershipTransferredEvents(accepted).get(0).newOwner).isEqualToIgnoringCase(f.stranger.getAddress());
    f.send(f.stranger, hub.registerHospital(f.otherHospital.getAddress()));
    f.assertReverts("OwnableUnauthorizedAccount", f.admin, hub.removeHospital(f.otherHospital.getAddress()));
  }

  @Test
  void renounceOwnership_byAdmin_leavesRegistryFrozen() throws Exception {
    f.assertReverts("OwnableUnauthorizedAccount", f.stranger, hub.renounceOwnership());
    f.send(f.admin, hub.renounceOwnership());

    assertThat(hub.owner().send()).isEqualTo(ZERO);
    f.assertReverts("OwnableUnauthorizedAccount", f.admin, hub.registerHospital(f.otherHospital.getAddress()));
  }

  @Test
  void constants_matchTheDeployment() throws Exception {
    assertThat(hub.disputeWindow().send().longValue()).isEqualTo(DataHubFixture.DISPUTE_WINDOW_SECONDS);
    assertThat(hub.BPS().send().intValue()).isEqualTo(10_000);
    assertThat(hub.MAX_PATIENTS_PER_DELIVERY().send().intValue()).isEqualTo(100);
    assertThat(hub.pendingOwner().send()).isEqualTo(ZERO);
    assertThat(hub.managersEpoch().send().longValue()).isEqualTo(1);
  }
}
