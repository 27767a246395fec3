using Switchboard.Contracts;
using Switchboard.Contracts.Visitors;
using Switchboard.Silo.Storage.Encryption;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary>The product refuses to start without a master key outside Development, or with one that did not write its data.</summary>
public sealed class MasterKeyStartTests
{
    [Fact]
    public async Task A_wrong_master_key_fails_start_with_what_to_set()
    {
        using var data = new TempDirectory();
        using (var first = new GatewayHost(data.Path))
        {
            var visitor = first.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor("demo", "v-key"));
            await visitor.Hello(new VisitorHello(null, "en", null), null);
            await visitor.StartChat(new StartChatRequest("s-1", null, "Hello", null), null);
        }

        var refusal = Assert.ThrowsAny<Exception>(() =>
            new GatewayHost(data.Path, new Dictionary<string, string> { ["Encryption:MasterKey"] = TestKeys.OtherMasterKeyBase64 }));

        Assert.Contains("is not the key this data was written with", refusal.ToString());
        Assert.Contains(MasterKeys.Setting, refusal.ToString());
    }

    [Fact]
    public void No_master_key_outside_development_fails_start_with_what_to_set()
    {
        using var data = new TempDirectory();
        var refusal = Assert.ThrowsAny<Exception>(() => new GatewayHost(data.Path, new Dictionary<string, string> { ["Encryption:MasterKey"] = "" }));

        Assert.Contains("No master key for personal data at rest", refusal.ToString());
        Assert.Contains("openssl rand -base64 32", refusal.ToString());
    }
}
