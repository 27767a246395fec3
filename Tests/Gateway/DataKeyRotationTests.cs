using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts;
using Switchboard.Silo.Storage.Encryption;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary>A site's supervisor rotates its data key over REST; nobody else can.</summary>
public sealed class DataKeyRotationTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_supervisor_rotates_the_sites_data_key_and_chats_from_before_still_read()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var keys = Host.Services.GetRequiredService<ConversationKeys>();
        var before = GrainKeys.Conversation(site, GrainKeys.NewId());
        var keyBefore = await keys.ForWritingAsync(before);

        using var byOperator = await RotateAsync(site, await Host.LoginAsync(site, "anna"));
        using var rotated = await RotateAsync(site, await Host.LoginAsync(site, "sup"));

        Assert.Equal(HttpStatusCode.Forbidden, byOperator.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.Equal(2, (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("generation").GetInt32());
        var after = GrainKeys.Conversation(site, GrainKeys.NewId());
        await keys.ForWritingAsync(after);
        var store = Host.Services.GetRequiredService<IDataKeyStore>();
        Assert.Equal("site#2", (await store.FindAsync(after))!.WrappedBy);
        Assert.Equal(keyBefore, await TestKeys.Keys(store).ForReadingAsync(before));
    }

    private async Task<HttpResponseMessage> RotateAsync(string site, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sites/{site}/data-key/rotate");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Host.Http.SendAsync(request);
    }
}
