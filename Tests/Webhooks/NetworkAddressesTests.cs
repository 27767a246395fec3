using System.Net;
using Switchboard.Domain.Webhooks;

namespace Switchboard.Tests.Webhooks;

/// <summary>Which destinations a cluster refuses: anything internal, however it is written.</summary>
public sealed class NetworkAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.20.0.1")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("fd00::1")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    public void Internal_addresses_are_not_public(string address) =>
        Assert.False(NetworkAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("2001:4860:4860::8888")]
    public void Internet_addresses_are_public(string address) =>
        Assert.True(NetworkAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://127.0.0.1:8080/hooks", "loopback or private")]
    [InlineData("https://[::1]/hooks", "loopback or private")]
    [InlineData("http://10.0.0.5/hooks", "loopback or private")]
    [InlineData("http://localhost/hooks", "loopback or private")]
    [InlineData("ftp://crm.example/hooks", "http or https")]
    [InlineData("/hooks", "http or https")]
    [InlineData("https://user:pass@93.184.215.14/hooks", "user name or password")]
    public async Task A_cluster_refuses_urls_into_its_networks_or_not_over_http(string url, string reason) =>
        Assert.Contains(reason, await NetworkAddresses.RefusalFor(url, allowPrivate: false));

    [Fact]
    public async Task Standalone_mode_allows_loopback_and_a_public_literal_is_allowed_anywhere()
    {
        Assert.Null(await NetworkAddresses.RefusalFor("http://127.0.0.1:8080/hooks", allowPrivate: true));
        Assert.Null(await NetworkAddresses.RefusalFor("https://93.184.215.14/hooks", allowPrivate: false));
    }
}
