// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {DataHub} from "../../main/solidity/DataHub.sol";

/// A buyer that tries to withdraw its refund twice by re-entering `withdraw` from its receive hook.
contract ReentrantWithdrawer {
    DataHub public immutable hub;
    uint256 public reentries;

    constructor(DataHub hub_) {
        hub = hub_;
    }

    function request(bytes32 salt, bytes32 templateDigest, uint32 replyBy, uint32 deliverBy) external payable {
        hub.requestPurchase{value: msg.value}(salt, templateDigest, replyBy, deliverBy);
    }

    function attack() external {
        hub.withdraw();
    }

    receive() external payable {
        reentries += 1;
        hub.withdraw();
    }
}
