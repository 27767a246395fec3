using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Visitors;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Switchboard.Grains;
using Switchboard.Grains.Operators;
using Switchboard.Gateway.Attachments;
using Switchboard.Grains.Reports;
using Switchboard.Silo.Storage.Reports;
using Switchboard.Silo.Storage.Encryption;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary>A customer's data requests through the supervisor's REST: export everything, erase for good, and the audit of it.</summary>
public sealed class CustomerErasureTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Secret = "My address is 12 Baker Street";
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_supervisor_exports_then_erases_a_customer_whose_chats_then_read_erased_and_the_erasure_is_audited()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var supervisor = await Host.LoginAsync(site, "sup");
        var anna = await Host.LoginAsync(site, "anna");
        var customerChat = await ChatAsync(site, "visitor-erased", new VerifiedIdentity("c-7", "Ivan Petrov", null, null), Secret);
        var otherChat = await ChatAsync(site, "visitor-kept", null, "Another person asks about a kettle");
        await WaitListedAsync(site, "c-7", customerChat);

        var byOperator = await Send(HttpMethod.Delete, $"/api/sites/{site}/customers/c-7", anna);
        var export = await Send(HttpMethod.Get, $"/api/sites/{site}/customers/c-7/export", supervisor);
        var exported = await export.Content.ReadFromJsonAsync<JsonElement>();
        var erase = await Send(HttpMethod.Delete, $"/api/sites/{site}/customers/c-7", supervisor);
        var erasure = await erase.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Forbidden, byOperator.StatusCode);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var exportedChat = Assert.Single(exported.GetProperty("conversations").EnumerateArray());
        Assert.Equal(customerChat, exportedChat.Str("id"));
        Assert.Contains(exportedChat.GetProperty("events").EnumerateArray(), e => e.Str("text") == Secret);
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Equal(1, erasure.GetProperty("conversations").GetInt32());

        var transcript = await (await Send(HttpMethod.Get, $"/api/sites/{site}/conversations/{customerChat}", supervisor)).Content.ReadAsStringAsync();
        Assert.DoesNotContain(Secret, transcript);
        Assert.DoesNotContain("Ivan", transcript);
        Assert.Contains(PersonalFields.ErasedText, transcript);
        var kept = await (await Send(HttpMethod.Get, $"/api/sites/{site}/conversations/{otherChat}", supervisor)).Content.ReadAsStringAsync();
        Assert.Contains("Another person asks about a kettle", kept);
        var profile = await Host.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(site, "c-7")).GetProfile();
        Assert.Empty(profile.Conversations);
        Assert.Empty(await Host.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, "visitor-erased")).GetConversations());
        Assert.NotEmpty(await Host.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, "visitor-kept")).GetConversations());
        var audit = await (await Send(HttpMethod.Get, $"/api/sites/{site}/erasures", supervisor)).Content.ReadFromJsonAsync<JsonElement>();
        var record = Assert.Single(audit.EnumerateArray());
        Assert.Equal("c-7", record.Str("subject"));
        Assert.Equal("sup", record.Str("requestedBy"));
    }

    [Fact]
    public async Task Erasing_a_customer_blanks_their_ids_in_the_reports_read_model_and_keeps_others()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var supervisor = await Host.LoginAsync(site, "sup");
        var erasedChat = await ChatAsync(site, "visitor-buyer", new VerifiedIdentity("c-9", "Pavel Orlov", null, null), "Which size fits me?");
        await ChatAsync(site, "visitor-other-buyer", new VerifiedIdentity("c-10", "Nina Orlova", null, null), "Is it in stock?");
        await WaitListedAsync(site, "c-9", erasedChat);
        foreach (var (order, visitor, customer) in new[] { ("o-9", "visitor-buyer", "c-9"), ("o-10", "visitor-other-buyer", "c-10") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sites/{site}/orders")
            {
                Content = JsonContent.Create(new { orderId = order, visitorId = visitor, customerId = customer }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", supervisor);
            Assert.Equal(HttpStatusCode.Created, (await Host.Http.SendAsync(request)).StatusCode);
        }
        await Host.Services.GetRequiredService<ReportProjector>().CatchUpAsync();
        Assert.Contains(await ReportIdsAsync(site), ids => ids.Contains("c-9"));

        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Delete, $"/api/sites/{site}/customers/c-9", supervisor)).StatusCode);

        var left = await ReportIdsAsync(site);
        Assert.DoesNotContain(left, ids => ids.Contains("c-9") || ids.Contains("visitor-buyer"));
        Assert.Contains(left, ids => ids.Contains("c-10") && ids.Contains("visitor-other-buyer"));
    }

    [Fact]
    public async Task Erasing_a_customer_takes_their_rating_comment_out_of_the_operators_list_and_keeps_the_score_and_others_comments()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var supervisor = await Host.LoginAsync(site, "sup");
        var anna = Host.Grains.GetGrain<IOperatorGrain>(GrainKeys.Operator(site, "anna"));
        await anna.SetStatus(OperatorStatus.Online);
        var erasedChat = await RatedChatAsync(site, "visitor-rater", new VerifiedIdentity("c-12", "Oleg Sidorov", null, null), 2, "Oleg here, the courier never came");
        var keptChat = await RatedChatAsync(site, "visitor-other-rater", null, 5, "Lovely, thank you");
        await WaitListedAsync(site, "c-12", erasedChat);
        await Eventually.Until(anna.GetRatings, ratings => ratings.Count == 2, "both ratings in Anna's list");

        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Delete, $"/api/sites/{site}/customers/c-12", supervisor)).StatusCode);

        var shown = await anna.GetRatings();
        Assert.Equal([(keptChat, 5, "Lovely, thank you"), (erasedChat, 2, null)], shown.Select(r => (r.ConversationId, r.Score, r.Comment)));
        var stored = new GrainState<OperatorRatings>(new OperatorRatings());
        await Host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Provider).ReadStateAsync(StorageNames.OperatorRatingsState, anna.GetGrainId(), stored);
        Assert.DoesNotContain(stored.State!.Entries, r => r.Comment?.Contains("courier", StringComparison.Ordinal) == true);
        Assert.Contains(stored.State.Entries, r => r.ConversationId == erasedChat && r.Score == 2);
    }

    /// <summary>A chat Anna takes and closes, which its visitor then rates.</summary>
    private async Task<string> RatedChatAsync(string site, string visitorId, VerifiedIdentity? identity, int score, string comment)
    {
        var id = await ChatAsync(site, visitorId, identity, "Where is my order?");
        var conversation = Host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, id));
        var anna = new Actor(ActorKind.Operator, site, "anna", "Anna");
        await Eventually.Until(() => conversation.GetEvents(anna, 0, 100), events => events.Any(e => e.Type == EventTypes.Assigned), $"chat {id} assigned to Anna");
        await conversation.Close(anna);
        await conversation.Rate(new Actor(ActorKind.Visitor, site, visitorId), score, comment);
        return id;
    }

    /// <summary>The visitor and customer ids of the site's rows in the reports' chats and orders, read past the store.</summary>
    private async Task<List<string?[]>> ReportIdsAsync(string site)
    {
        var rows = new List<string?[]>();
        await using var connection = await Host.Services.GetRequiredService<IReportDatabase>().OpenAsync(CancellationToken.None);
        foreach (var table in new[] { "report_chats", "report_orders" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT visitor, customer FROM {table} WHERE site = @site";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "site";
            parameter.Value = site;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add([reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)]);
            }
        }
        return rows;
    }

    [Fact]
    public async Task Erasing_a_customer_deletes_the_files_of_their_chats_and_keeps_everyone_else_s()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var supervisor = await Host.LoginAsync(site, "sup");
        var customerChat = await ChatAsync(site, "visitor-photo", new VerifiedIdentity("c-8", "Olga Ivanova", null, null), "The kettle arrived broken");
        var otherChat = await ChatAsync(site, "visitor-other", null, "Is the blue kettle in stock?");
        await WaitListedAsync(site, "c-8", customerChat);
        var erased = await SendFileAsync(site, "visitor-photo", customerChat, "kettle.pdf");
        var kept = await SendFileAsync(site, "visitor-other", otherChat, "question.pdf");
        var catalog = Host.Services.GetRequiredService<AttachmentCatalog>();
        Assert.NotNull(await catalog.Blobs.OpenReadAsync(AttachmentCatalog.FileKey(erased.Id), CancellationToken.None));

        var erase = await Send(HttpMethod.Delete, $"/api/sites/{site}/customers/c-8", supervisor);
        var erasure = await erase.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Equal(1, erasure.GetProperty("attachments").GetInt32());
        Assert.Null(await catalog.FindAsync(erased.Id, CancellationToken.None));
        Assert.Null(await catalog.Blobs.OpenReadAsync(AttachmentCatalog.FileKey(erased.Id), CancellationToken.None));
        using var link = await Send(HttpMethod.Get, erased.Path, supervisor);
        Assert.Equal(HttpStatusCode.NotFound, link.StatusCode);
        Assert.NotNull(await catalog.FindAsync(kept.Id, CancellationToken.None));
        await using var keptFile = await catalog.Blobs.OpenReadAsync(AttachmentCatalog.FileKey(kept.Id), CancellationToken.None);
        Assert.NotNull(keptFile);
    }

    /// <summary>A PDF through the upload pipeline, then a message of the visitor's that carries it.</summary>
    private async Task<StoredAttachment> SendFileAsync(string site, string visitorId, string conversationId, string name)
    {
        var spool = SpooledFile.Create(Path.GetTempPath());
        await spool.FillAsync(new MemoryStream("%PDF-1.4\n%%EOF\n"u8.ToArray()), long.MaxValue, CancellationToken.None);
        await using var form = new UploadForm(spool, name, null);
        var stored = await Host.Services.GetRequiredService<AttachmentUploads>()
            .UploadAsync(site, Uploader.OfVisitor(visitorId), form, CancellationToken.None);
        await Host.Services.GetRequiredService<AttachmentClaims>().TakeAsync(conversationId, [stored]);
        await Host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, conversationId)).Send(
            new Actor(ActorKind.Visitor, site, visitorId), new MessageDraft("file-" + stored.Id, null) { Attachments = [stored.ToMessageAttachment()] });
        return stored;
    }

    [Fact]
    public async Task A_customer_with_more_chats_than_the_profile_lists_is_exported_and_erased_whole()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var supervisor = await Host.LoginAsync(site, "sup");
        var oldest = await ChatAsync(site, "visitor-many", new VerifiedIdentity("c-60", "Ivan Petrov", null, null), Secret);
        await WaitListedAsync(site, "c-60", oldest);
        var customer = Host.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(site, "c-60"));
        var later = Enumerable.Range(0, CustomerGrainKept + 10).Select(_ => GrainKeys.NewId()).ToList();
        foreach (var id in later)
        {
            await customer.ConversationStarted(id, "web", DateTimeOffset.UtcNow);
        }
        await WaitListedAsync(site, "c-60", later[^1]);
        Assert.DoesNotContain((await customer.GetProfile()).Conversations, c => c.ConversationId == oldest);

        var export = await (await Send(HttpMethod.Get, $"/api/sites/{site}/customers/c-60/export", supervisor)).Content.ReadFromJsonAsync<JsonElement>();
        var erasure = await (await Send(HttpMethod.Delete, $"/api/sites/{site}/customers/c-60", supervisor)).Content.ReadFromJsonAsync<JsonElement>();

        var exportedChat = Assert.Single(export.GetProperty("conversations").EnumerateArray());
        Assert.Equal(oldest, exportedChat.Str("id"));
        Assert.Equal(later.Count + 1, erasure.GetProperty("conversations").GetInt32());
        var transcript = await (await Send(HttpMethod.Get, $"/api/sites/{site}/conversations/{oldest}", supervisor)).Content.ReadAsStringAsync();
        Assert.DoesNotContain(Secret, transcript);
    }

    private const int CustomerGrainKept = Switchboard.Grains.Visitors.CustomerGrain.KeptConversations;

    private async Task<string> ChatAsync(string site, string visitorId, VerifiedIdentity? identity, string text)
    {
        var visitor = Host.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, visitorId));
        await visitor.Hello(new VisitorHello(identity, "en", null), null);
        return (await visitor.StartChat(new StartChatRequest("s-" + visitorId, null, text, null), null)).ConversationId;
    }

    /// <summary>The customer hears of a new chat one-way: wait until it lists it.</summary>
    private async Task WaitListedAsync(string site, string customerId, string conversationId)
    {
        var customer = Host.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(site, customerId));
        await Eventually.Until(customer.GetProfile, profile => profile.Conversations.Any(c => c.ConversationId == conversationId),
            $"customer {customerId} listing conversation {conversationId}");
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string token)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Host.Http.SendAsync(request);
    }
}
