// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {DataHub} from "../../main/solidity/DataHub.sol";

/// Drives random purchase paths for the invariant test; every actor sends its own ETH.
contract DataHubHandler is Test {
    DataHub public hub;
    address constant GM = address(0x6001);
    address constant RM = address(0x6002);
    address constant HOSPITAL = address(0x4001);
    address[3] buyers = [address(0xB001), address(0xB002), address(0xB003)];
    address[3] patients = [address(0x1001), address(0x1002), address(0x1003)];
    bytes32[] ids;
    uint256 salt;

    constructor() {
        hub = new DataHub(GM, RM, 1 hours);
        hub.registerHospital(HOSPITAL);
        for (uint256 i = 0; i < 3; i++) {
            vm.deal(buyers[i], 1_000_000 ether);
        }
    }

    function request(uint256 buyerSeed, uint80 amount) external {
        address buyer = buyers[buyerSeed % 3];
        amount = uint80(bound(amount, 1, 1_000 ether));
        vm.prank(buyer);
        ids.push(hub.requestPurchase{value: amount}(bytes32(++salt), bytes32("t"), uint32(block.timestamp + 1 hours), uint32(block.timestamp + 2 hours)));
    }

    function reply(uint256 seed, uint16 bps) external {
        bytes32 id = _pick(seed, DataHub.PurchaseState.Requested);
        if (id == 0) return;
        vm.prank(HOSPITAL);
        hub.replyPurchase(id, uint16(bound(bps, 0, 10_000)));
    }

    function deliver(uint256 seed, uint8 count) external {
        bytes32 id = _pick(seed, DataHub.PurchaseState.Replied);
        if (id == 0) return;
        address[] memory list = new address[](bound(count, 1, 3));
        for (uint256 i = 0; i < list.length; i++) {
            list[i] = patients[i];
        }
        vm.prank(HOSPITAL);
        hub.deliverPurchase(id, keccak256(abi.encode(id)), list);
    }

    function accept(uint256 seed) external {
        bytes32 id = _pick(seed, DataHub.PurchaseState.Delivered);
        if (id == 0) return;
        (address buyer,,,,,,,) = hub.purchases(id);
        vm.prank(buyer);
        hub.acceptDelivery(id);
    }

    function dispute(uint256 seed) external {
        bytes32 id = _pick(seed, DataHub.PurchaseState.Delivered);
        if (id == 0) return;
        (address buyer,,,,,,,) = hub.purchases(id);
        vm.prank(buyer);
        hub.disputeDelivery(id, keccak256("sig"));
    }

    function resolve(uint256 seed, bool valid) external {
        bytes32 id = _pick(seed, DataHub.PurchaseState.Disputed);
        if (id == 0) return;
        vm.prank(GM);
        hub.approveOpening(id);
        vm.prank(RM);
        hub.approveOpening(id);
        vm.prank(GM);
        hub.resolveDispute(id, keccak256("opening"), valid);
    }

    function passTime(uint32 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 3 hours));
    }

    function finalize(uint256 seed) external {
        bytes32 id = _pick(seed, DataHub.PurchaseState.Delivered);
        if (id == 0) return;
        hub.finalizePurchase(id);
    }

    function refund(uint256 seed, bool replied) external {
        bytes32 id = _pick(seed, replied ? DataHub.PurchaseState.Replied : DataHub.PurchaseState.Requested);
        if (id == 0) return;
        hub.refundExpired(id);
    }

    function withdraw(uint256 seed) external {
        address[7] memory accounts =
            [HOSPITAL, buyers[0], buyers[1], buyers[2], patients[0], patients[1], patients[2]];
        address account = accounts[seed % 7];
        if (hub.credits(account) == 0) return;
        vm.prank(account);
        hub.withdraw();
    }

    function openEscrows() external view returns (uint256 total) {
        for (uint256 i = 0; i < ids.length; i++) {
            (, uint80 amount,,,, DataHub.PurchaseState state,,) = hub.purchases(ids[i]);
            if (state != DataHub.PurchaseState.Settled && state != DataHub.PurchaseState.Refunded) total += amount;
        }
    }

    function unwithdrawnCredits() external view returns (uint256 total) {
        total = hub.credits(HOSPITAL);
        for (uint256 i = 0; i < 3; i++) {
            total += hub.credits(buyers[i]) + hub.credits(patients[i]);
        }
    }

    function _pick(uint256 seed, DataHub.PurchaseState wanted) private view returns (bytes32) {
        for (uint256 k = 0; k < ids.length; k++) {
            bytes32 id = ids[(seed + k) % ids.length];
            (,,,,, DataHub.PurchaseState state,,) = hub.purchases(id);
            if (state == wanted) return id;
        }
        return 0;
    }
}
