using System.Net;
using System.Net.Http.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Push;
using Switchboard.Gateway.Sites;
using Switchboard.Tests.Grains;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary>
/// A removed or disabled operator's open chats go back to their queues at once, where another operator takes them.
/// A host of its own: the revocation tests' sign-ins already use up one address's login allowance.
/// </summary>
public sealed class OperatorHandBackTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task Removing_an_account_hands_its_open_chats_back_to_the_queue_where_another_operator_takes_them()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]), ("boris", 4, ["general"]));
        var supervisor = await Host.LoginAsync(site, "sup");
        var chat = new ChatDriver(Host.Grains, site);
        await chat.Online("anna");
        var (_, start) = await chat.StartChat("Where is my parcel?");
        var id = start.ConversationId;
        Assert.Equal(GrainKeys.Operator(site, "anna"), (await chat.Assigned(id)).OperatorKey);
        await chat.Online("boris");

        using var removed = await Send(HttpMethod.Delete, $"/api/sites/{site}/operators/anna", supervisor);

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await chat.Observer.WaitFor<OperatorNotice>(
            n => n.Type == NoticeTypes.Assigned && n.ConversationId == id && n.OperatorKey == GrainKeys.Operator(site, "boris"),
            "the removed operator's chat to be assigned to boris");
        var transferred = await chat.Event(id, e => e.Type == EventTypes.Transferred, "the chat handed back to its queue");
        Assert.Equal(RemovedOperatorChats.Note, transferred.Note);
    }

    [Fact]
    public async Task Disabling_an_account_hands_its_open_chats_back_to_the_queue()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]), ("boris", 4, ["general"]));
        var supervisor = await Host.LoginAsync(site, "sup");
        var chat = new ChatDriver(Host.Grains, site);
        await chat.Online("anna");
        var (_, start) = await chat.StartChat("Can I change my delivery address?");
        var id = start.ConversationId;
        await chat.Assigned(id);
        await chat.Online("boris");

        using var disabled = await Send(HttpMethod.Put, $"/api/sites/{site}/operators/anna", supervisor,
            new { name = "Anna", role = "operator", queues = new[] { "general" }, capacity = 4, disabled = true });

        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
        await chat.Observer.WaitFor<OperatorNotice>(
            n => n.Type == NoticeTypes.Assigned && n.ConversationId == id && n.OperatorKey == GrainKeys.Operator(site, "boris"),
            "the disabled operator's chat to be assigned to boris");
        var transferred = await chat.Event(id, e => e.Type == EventTypes.Transferred, "the chat handed back to its queue");
        Assert.Equal(RemovedOperatorChats.DisabledNote, transferred.Note);
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        return await Host.Http.SendAsync(request);
    }
}
