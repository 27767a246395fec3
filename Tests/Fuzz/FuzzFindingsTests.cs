using System.Net;
using System.Net.WebSockets;
using Switchboard.Silo.Channels;
using Switchboard.Silo.Channels.Phone;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Phone;
using Switchboard.Wire;

namespace Switchboard.Tests.Fuzz;

/// <summary>
/// What afl-fuzz found (docs/fuzzing.md): a string that is not valid UTF-8 is only checked when it is
/// read, so a frame's type or id, or a phone event's data, could throw past the parsers' refusals. Each is now a
/// clear refusal in the parser, and the phone hook answers 400 instead of 500.
/// </summary>
public sealed class FuzzFindingsTests(PhoneGatewayFixture phone) : IClassFixture<PhoneGatewayFixture>
{
    private static readonly byte[] InvalidUtf8Type = [.. "{\"type\":\"hel"u8, 0xC3, 0x28, .. "o\"}"u8];
    private static readonly byte[] InvalidUtf8Id = [.. "{\"type\":\"message\",\"id\":\"m"u8, 0xFF, .. "\",\"text\":\"hi\"}"u8];

    [Fact]
    public void A_frame_whose_type_is_not_utf8_is_refused_as_not_json()
    {
        var frame = InboundFrame.TryParse(InvalidUtf8Type, out var problem);

        Assert.Null(frame);
        Assert.Equal("The frame is not valid JSON.", problem);
    }

    [Fact]
    public void A_frame_whose_id_is_not_utf8_is_answered_without_an_id()
    {
        var frame = InboundFrame.TryParse(InvalidUtf8Id, out _)!;

        Assert.Equal("message", frame.Type);
        Assert.Null(frame.ClientId);
    }

    [Fact]
    public async Task Over_the_socket_the_websocket_layer_fails_the_connection_and_other_sockets_carry_on()
    {
        // RFC 6455: a text message that is not UTF-8 fails the connection (1007). The parser's refusal above is
        // for frames that reach it by any other way; here the WebSocket layer answers first.
        var site = await TestSites.CreateAsync(phone.Host.Grains, ("anna", 4, ["general"]));
        var bad = await TestSocket.ConnectAsync(phone.Host.WebSocketUri($"/ws/visitor?site={site}"));
        var good = await TestSocket.ConnectAsync(phone.Host.WebSocketUri($"/ws/visitor?site={site}"));

        await bad.SendBytesAsync(InvalidUtf8Type, WebSocketMessageType.Text);
        await bad.WaitClosedAsync(TimeSpan.FromSeconds(10));
        await good.SendAsync(new { type = "hello" });

        // 1007, or the connection dropped right after the close frame was sent, before the client read it.
        Assert.True(bad.Close.Status is null or WebSocketCloseStatus.InvalidPayloadData, $"closed with {bad.Close.Status}");
        await good.ExpectAsync("welcome");
        await good.DisposeAsync();
        await bad.DisposeAsync();
    }

    [Fact]
    public async Task A_phone_event_whose_data_is_not_utf8_is_400_not_500()
    {
        var site = await TestSites.CreateAsync(phone.Host.Grains, ("anna", 2, ["general"]));
        byte[] body = [.. "{\"eventId\":\"e-u\",\"callId\":\"c-u\",\"type\":\"call.ended\",\"data\":{\"reason\":\""u8, 0xCB, .. "2\"}}"u8];
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/phone/{site}")
        {
            Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } },
            Headers = { { PhoneSignature.Header, BodySignature.Sign(FakePbx.Secret, body) } },
        };

        using var response = await phone.Host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(phone.Logs.Entries, e => e.Contains("the body is not valid UTF-8 JSON") && e.Contains(site));
    }
}
