using Switchboard.Contracts.Campaigns;

namespace Switchboard.Contracts.Calls;

/// <summary>
/// The ids of calls the product starts itself (an operator's call back, a campaign's call), by which an adapter that
/// restarted while one was still ringing knows its channel for an outbound call, not a caller dialling in.
/// </summary>
public static class CallIds
{
    public const string CallBackPrefix = "cb-";

    public static bool IsOutbound(string callId) =>
        callId.StartsWith(CallBackPrefix, StringComparison.Ordinal) || CampaignCallIds.IsCampaignCall(callId);
}
