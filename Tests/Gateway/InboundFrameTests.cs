using System.Text;
using Switchboard.Contracts;
using Switchboard.Wire;

namespace Switchboard.Tests.Gateway;

/// <summary>Inbound frames are read into records, and a field of the wrong kind gets the error the gateway always gave.</summary>
public sealed class InboundFrameTests
{
    [Theory]
    [InlineData("not json", "The frame is not valid JSON.")]
    [InlineData("{\"type\":\"hello\"} trailing", "The frame is not valid JSON.")]
    [InlineData("[1,2]", "A frame is a JSON object with a string 'type'.")]
    [InlineData("{\"type\":5}", "A frame is a JSON object with a string 'type'.")]
    [InlineData("{\"kind\":\"hello\"}", "A frame is a JSON object with a string 'type'.")]
    public void Malformed_bytes_are_not_a_frame(string json, string problem)
    {
        Assert.Null(InboundFrame.TryParse(Encoding.UTF8.GetBytes(json), out var said));
        Assert.Equal(problem, said);
    }

    [Fact]
    public void A_frame_names_its_type_and_client_id_before_it_is_read()
    {
        var frame = Parse("{\"text\":\"hi\",\"nested\":{\"id\":\"inner\",\"type\":\"x\"},\"id\":\"m1\",\"type\":\"message\"}");

        Assert.Equal(("message", "m1"), (frame.Type, frame.ClientId));
        Assert.Equal("hi", frame.Read(WireContext.Default.VisitorMessageFrame).Text);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"id\":\"m1\",\"text\":5}", "VisitorMessageFrame", "'text' must be a string.")]
    [InlineData("{\"type\":\"rate\",\"score\":\"5\"}", "RateFrame", "'score' must be a whole number.")]
    [InlineData("{\"type\":\"rate\",\"score\":4.5}", "RateFrame", "'score' must be a whole number.")]
    [InlineData("{\"type\":\"start_chat\",\"id\":\"s\",\"form\":[]}", "StartChatFrame", "'form' must be an object.")]
    [InlineData("{\"type\":\"start_chat\",\"id\":\"s\",\"form\":{\"size\":42}}", "StartChatFrame", "Form field 'size' must be a string.")]
    [InlineData("{\"type\":\"start_chat\",\"id\":\"s\",\"form\":{\"]opic\":42}}", "StartChatFrame", "Form field ']opic' must be a string.")]
    [InlineData("{\"type\":\"close\",\"conversationId\":\"c\",\"tags\":[\"vip\",3]}", "OperatorCloseFrame", "'tags' is a list of strings.")]
    [InlineData("{\"type\":\"hello\",\"resume\":7}", "OperatorHelloFrame", "'resume' must be an object.")]
    [InlineData("{\"type\":\"hello\",\"identity\":\"me\"}", "VisitorHelloFrame", "'identity' must be an object.")]
    public void A_field_of_the_wrong_kind_is_a_bad_request(string json, string record, string message)
    {
        var frame = Parse(json);

        var refusal = Assert.Throws<SwitchboardException>(() => Read(frame, record));

        Assert.Equal((ErrorCodes.BadRequest, message), (refusal.Code, refusal.Message));
    }

    [Fact]
    public void Lenient_fields_read_odd_values_as_absent()
    {
        var cart = Parse("{\"type\":\"cart\",\"items\":[{\"sku\":7,\"qty\":\"2\",\"price\":3.5}],\"total\":\"x\"}").Read(WireContext.Default.CartFrame);
        var reply = Parse("{\"type\":\"invite_reply\",\"inviteId\":\"i\",\"accepted\":\"yes\"}").Read(WireContext.Default.InviteReplyFrame);
        var hello = Parse("{\"type\":\"hello\",\"resume\":{\"c1\":3,\"c2\":-1,\"c3\":\"x\"}}").Read(WireContext.Default.OperatorHelloFrame);

        Assert.Equal((null, null, 3.5m, null), (cart.Items![0].Sku, cart.Items[0].Qty, cart.Items[0].Price, cart.Total));
        Assert.False(reply.Accepted);
        Assert.Equal(new Dictionary<string, long> { ["c1"] = 3 }, hello.Resume);
    }

    private static InboundFrame Parse(string json) =>
        InboundFrame.TryParse(Encoding.UTF8.GetBytes(json), out var problem) ?? throw new InvalidOperationException(problem);

    private static object Read(InboundFrame frame, string record) => record switch
    {
        "VisitorMessageFrame" => frame.Read(WireContext.Default.VisitorMessageFrame),
        "RateFrame" => frame.Read(WireContext.Default.RateFrame),
        "StartChatFrame" => frame.Read(WireContext.Default.StartChatFrame),
        "OperatorCloseFrame" => frame.Read(WireContext.Default.OperatorCloseFrame),
        "OperatorHelloFrame" => frame.Read(WireContext.Default.OperatorHelloFrame),
        "VisitorHelloFrame" => frame.Read(WireContext.Default.VisitorHelloFrame),
        _ => throw new ArgumentOutOfRangeException(nameof(record)),
    };
}
