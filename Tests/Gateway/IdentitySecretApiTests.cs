using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary>A site's supervisors read and rotate its identity secret over REST; during a rotation both secrets sign.</summary>
public sealed class IdentitySecretApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_supervisor_rotates_the_secret_and_identities_signed_with_either_are_verified_until_the_rotation_ends()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var supervisor = await Host.LoginAsync(site, "sup");
        var old = (await Json(await Send(HttpMethod.Get, site, "/identity-secret", supervisor))).Str("secret");

        var rotated = await Json(await Send(HttpMethod.Post, site, "/identity-secret/rotate", supervisor, new { graceHours = 2 }));
        var current = rotated.Str("secret");

        Assert.NotEqual(old, current);
        Assert.Equal(JsonValueKind.String, rotated.GetProperty("previousValidUntil").ValueKind);
        Assert.True(await IsVerifiedAsync(site, old));
        Assert.True(await IsVerifiedAsync(site, current));

        var ended = await Json(await Send(HttpMethod.Delete, site, "/identity-secret/previous", supervisor));

        Assert.Equal(JsonValueKind.Null, ended.GetProperty("previousValidUntil").ValueKind);
        Assert.False(await IsVerifiedAsync(site, old));
        Assert.True(await IsVerifiedAsync(site, current));
    }

    [Fact]
    public async Task An_operator_may_not_read_the_secret()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));

        using var response = await Send(HttpMethod.Get, site, "/identity-secret", await Host.LoginAsync(site, "anna"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>Whether a visitor saying hello with an identity signed by <paramref name="secret"/> is welcomed without an error.</summary>
    private async Task<bool> IsVerifiedAsync(string site, string secret)
    {
        var identity = SignedIdentity.For(secret, "c-9", DateTimeOffset.UtcNow.AddMinutes(10), name: "Irina");
        var (visitor, _) = await ChatPeers.VisitorAsync(Host, site, new { type = "hello", identity });
        var refused = visitor.Received.Any(f => f.Str("type") == "error");
        await visitor.DisposeAsync();
        return !refused;
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string site, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, $"/api/sites/{site}{path}") { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        return await Host.Http.SendAsync(request);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
