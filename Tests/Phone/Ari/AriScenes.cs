using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Phone.Ari;

/// <summary>ARI calls brought to the stage a test starts from.</summary>
public static class AriScenes
{
    /// <summary>A caller whose call rang at Anna's console, accepted, with Anna's phone picked up: talking.</summary>
    public static async Task<(string Channel, string ConversationId)> TalkingToAnnaAsync(FakeAri ari, TestSocket anna)
    {
        var channel = await ari.CallInAsync(FakePbx.Caller);
        var conversationId = (await anna.ExpectAsync("assigned")).Str("conversationId");
        await ari.WaitForAsync(r => r.Is("POST", $"/ari/channels/{channel}/moh"), 0, "the caller held while the console rings");
        await anna.SendAsync(new { type = "accept_call", conversationId });
        await anna.ExpectAsync("call", f => f.Str("status") == "answered");
        await ari.WaitForAsync(r => r.Is("POST", "/ari/channels") && r["channelId"] == $"op-{channel}", 0, "anna's phone rung");
        await ari.PickUpAsync($"op-{channel}");
        await ari.WaitForAsync(r => r.Is("POST", $"/ari/bridges/br-{channel}/addChannel") && r["channel"] == $"op-{channel}", 0, "anna put in the bridge");
        return (channel, conversationId);
    }
}
