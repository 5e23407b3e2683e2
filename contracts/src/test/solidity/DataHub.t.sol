// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {DataHub} from "../../main/solidity/DataHub.sol";
import {DataHubHandler} from "./DataHubHandler.sol";

contract DataHubTest is Test {
    uint32 constant WINDOW = 1 hours;
    address constant GM = address(0x6001);
    address constant RM = address(0x6002);
    address constant HOSPITAL = address(0x4001);
    address constant BUYER = address(0xB001);
    DataHub hub;

    function setUp() public {
        hub = new DataHub(GM, RM, WINDOW);
        hub.registerHospital(HOSPITAL);
        vm.deal(BUYER, 1_000 ether);
    }

    function test_constructor_sameManagers_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(DataHub.ManagersMustDiffer.selector, GM));
        new DataHub(GM, GM, WINDOW);
    }

    function testFuzz_anchorRecord_onlyOnce(bytes32 root, bytes32 cid, bytes32 sig, address patient) public {
        vm.assume(root != 0 && cid != 0 && sig != 0 && patient != address(0));
        vm.prank(HOSPITAL);
        hub.anchorRecord(root, cid, sig, patient);
        address owner = hub.patientOf(root);
        assertEq(owner, patient);
        vm.prank(HOSPITAL);
        vm.expectRevert(abi.encodeWithSelector(DataHub.RecordAlreadyAnchored.selector, root));
        hub.anchorRecord(root, cid, sig, patient);
    }

    function test_claimBatchedRecord_zeroPatientLeaf_reverts() public {
        bytes32 leaf = hub.recordLeaf(bytes32("root"), bytes32("cid"), bytes32("sig"), address(0));
        vm.prank(HOSPITAL);
        hub.anchorBatch(leaf, 1, bytes32("manifest"));
        vm.expectRevert(DataHub.ZeroAddress.selector);
        hub.claimBatchedRecord(leaf, bytes32("root"), bytes32("cid"), bytes32("sig"), address(0), new bytes32[](0));
    }

    function testFuzz_settlement_creditsExactlyTheEscrow(uint80 amount, uint16 bps, uint8 patientCount, bool tacit)
        public
    {
        amount = uint80(bound(amount, 1, 100 ether));
        bps = uint16(bound(bps, 0, 10_000));
        uint256 n = bound(patientCount, 1, 20);
        bytes32 id = _delivered(amount, bps, n);
        if (tacit) {
            vm.warp(block.timestamp + WINDOW + 1);
            hub.finalizePurchase(id);
        } else {
            vm.prank(BUYER);
            hub.acceptDelivery(id);
        }
        uint256 total = hub.credits(HOSPITAL);
        for (uint256 i = 1; i <= n; i++) {
            total += hub.credits(address(uint160(0x1000 + i)));
        }
        assertEq(total, amount);
        assertEq(address(hub).balance, amount);
    }

    function testFuzz_noReply_refundsBuyerAfterDeadline(uint80 amount, uint32 late) public {
        amount = uint80(bound(amount, 1, 100 ether));
        vm.prank(BUYER);
        bytes32 id = hub.requestPurchase{value: amount}(bytes32("s"), bytes32("t"), uint32(block.timestamp + 10), uint32(block.timestamp + 20));
        vm.expectRevert();
        hub.refundExpired(id);
        vm.warp(block.timestamp + 11 + bound(late, 0, 365 days));
        hub.refundExpired(id);
        assertEq(hub.credits(BUYER), amount);
        vm.prank(BUYER);
        hub.withdraw();
        assertEq(address(hub).balance, 0);
    }

    function test_dispute_needsBothApprovals_thenInvalidRefunds() public {
        bytes32 id = _delivered(1 ether, 5_000, 2);
        vm.prank(BUYER);
        hub.disputeDelivery(id, keccak256("sig"));
        vm.prank(GM);
        hub.approveOpening(id);
        vm.prank(GM);
        vm.expectRevert(abi.encodeWithSelector(DataHub.OpeningNotApproved.selector, id));
        hub.resolveDispute(id, keccak256("opening"), false);
        vm.prank(RM);
        hub.approveOpening(id);
        vm.prank(GM);
        hub.resolveDispute(id, keccak256("opening"), false);
        assertEq(hub.credits(BUYER), 1 ether);
        assertEq(hub.credits(HOSPITAL), 0);
    }

    function test_declinePurchase_refundsBuyerAtOnce_andOnlyWhileRequested() public {
        vm.prank(BUYER);
        bytes32 id = hub.requestPurchase{value: 1 ether}(bytes32("d"), bytes32("t"), uint32(block.timestamp + 10), uint32(block.timestamp + 20));
        vm.expectRevert(abi.encodeWithSelector(DataHub.NotHospital.selector, BUYER));
        vm.prank(BUYER);
        hub.declinePurchase(id);
        vm.prank(HOSPITAL);
        hub.declinePurchase(id);
        assertEq(hub.credits(BUYER), 1 ether);
        vm.prank(HOSPITAL);
        vm.expectRevert(abi.encodeWithSelector(DataHub.WrongState.selector, id, DataHub.PurchaseState.Refunded));
        hub.declinePurchase(id);
    }

    function test_declinePurchase_afterReply_reverts() public {
        bytes32 id = _delivered(1 ether, 5_000, 1);
        vm.prank(HOSPITAL);
        vm.expectRevert(abi.encodeWithSelector(DataHub.WrongState.selector, id, DataHub.PurchaseState.Delivered));
        hub.declinePurchase(id);
    }

    function test_declinePurchase_afterReply_onlyTheReplyingHospitalRefunds() public {
        vm.prank(BUYER);
        bytes32 id = hub.requestPurchase{value: 1 ether}(bytes32("r"), bytes32("t"), uint32(block.timestamp + 10), uint32(block.timestamp + 20));
        vm.prank(HOSPITAL);
        hub.replyPurchase(id, 5_000);
        address other = address(0x4002);
        hub.registerHospital(other);
        vm.prank(other);
        vm.expectRevert(abi.encodeWithSelector(DataHub.NotPurchaseHospital.selector, id, other));
        hub.declinePurchase(id);
        vm.prank(HOSPITAL);
        hub.declinePurchase(id);
        assertEq(hub.credits(BUYER), 1 ether);
    }

    function test_refundUnresolvedDispute_onlyAfterAWindowPastDisputeBy() public {
        bytes32 id = _delivered(1 ether, 5_000, 2);
        (,,, uint32 disputeBy,,,,) = hub.purchases(id);
        vm.prank(BUYER);
        hub.disputeDelivery(id, keccak256("sig"));
        vm.warp(uint256(disputeBy) + WINDOW);
        vm.expectRevert(abi.encodeWithSelector(DataHub.DeadlineNotPassed.selector, id, disputeBy + WINDOW));
        hub.refundUnresolvedDispute(id);
        vm.warp(uint256(disputeBy) + WINDOW + 1);
        hub.refundUnresolvedDispute(id);
        assertEq(hub.credits(BUYER), 1 ether);
        assertEq(hub.credits(HOSPITAL), 0);
        vm.prank(GM);
        vm.expectRevert(abi.encodeWithSelector(DataHub.WrongState.selector, id, DataHub.PurchaseState.Refunded));
        hub.resolveDispute(id, keccak256("opening"), true);
    }

    function test_refundUnresolvedDispute_notDisputed_reverts() public {
        bytes32 id = _delivered(1 ether, 5_000, 1);
        vm.warp(block.timestamp + 3 * WINDOW);
        vm.expectRevert(abi.encodeWithSelector(DataHub.WrongState.selector, id, DataHub.PurchaseState.Delivered));
        hub.refundUnresolvedDispute(id);
    }

    function _delivered(uint80 amount, uint16 bps, uint256 n) internal returns (bytes32 id) {
        vm.prank(BUYER);
        id = hub.requestPurchase{value: amount}(bytes32("salt"), bytes32("template"), uint32(block.timestamp + 100), uint32(block.timestamp + 200));
        vm.prank(HOSPITAL);
        hub.replyPurchase(id, bps);
        address[] memory patients = new address[](n);
        for (uint256 i = 0; i < n; i++) {
            patients[i] = address(uint160(0x1000 + i + 1));
        }
        vm.prank(HOSPITAL);
        hub.deliverPurchase(id, keccak256("bundle"), patients);
    }
}

contract DataHubInvariantTest is Test {
    DataHub hub;
    DataHubHandler handler;

    function setUp() public {
        handler = new DataHubHandler();
        hub = handler.hub();
        targetContract(address(handler));
    }

    /// The contract holds exactly the open escrows plus the credits not yet withdrawn: no wei stuck, none missing.
    function invariant_balanceEqualsEscrowsPlusCredits() public view {
        assertEq(address(hub).balance, handler.openEscrows() + handler.unwithdrawnCredits());
    }
}
