using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Gateway.Attachments;
using Switchboard.Gateway.Hosting;
using Switchboard.Gateway.Privacy;
using Switchboard.Silo.Storage.Blobs;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Storage;

/// <summary>The retention sweep on either store: a site's conversations older than its retention go, with their keys and files.</summary>
public static class RetentionContract
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromHours(1);

    public static async Task OldConversationsGoWithTheirKeysAndFilesOnTheSweepsTimer(IPersonalDataStores stores)
    {
        using var blobDirectory = new TempDirectory();
        var catalog = new AttachmentCatalog(new FileSystemBlobStore(blobDirectory.Path));
        // A month and a day after the chats below.
        var clock = new FakeTimeProvider(PersonalDataContract.At + TimeSpan.FromDays(31));
        var options = new RetentionOptions { Sites = { ["short"] = 30 }, SweepEvery = SweepEvery };
        var swept = new SweepSignal();
        var ratingComments = new RecordingRatingCommentEraser();
        using var sweep = new RetentionSweep(stores.Privacy, stores.Log, stores.ConversationKeys, catalog, ratingComments, Options.Create(options), clock, swept);

        var fileId = GrainKeys.NewId();
        await catalog.Blobs.WriteAsync(AttachmentCatalog.FileKey(fileId), new MemoryStream([1, 2, 3]), "image/jpeg", CancellationToken.None);
        var old = GrainKeys.Conversation("short", GrainKeys.NewId());
        var recent = GrainKeys.Conversation("short", GrainKeys.NewId());
        var otherSite = GrainKeys.Conversation("forever", GrainKeys.NewId());
        await stores.Log.AppendAsync(old, RatedByAnna(WithFile(PersonalDataContract.Chat(), fileId)));
        await stores.Log.AppendAsync(otherSite, PersonalDataContract.Chat());
        await stores.Log.AppendAsync(recent, [.. PersonalDataContract.Chat().Select(e => e with { At = e.At + TimeSpan.FromDays(20) })]);

        await sweep.StartAsync(CancellationToken.None);
        // The sweep makes its timer on a thread of its own, so the test cannot know when to advance: each step is one period.
        var deadline = DateTime.UtcNow + Waits.Signal;
        while (!swept.Removed.Task.IsCompleted && DateTime.UtcNow < deadline)
        {
            clock.Advance(SweepEvery);
            await Task.WhenAny(swept.Removed.Task, Task.Delay(Waits.Absence));
        }
        await sweep.StopAsync(CancellationToken.None);

        Assert.True(swept.Removed.Task.IsCompletedSuccessfully, $"The sweep did not remove a conversation past its site's retention within {Waits.Signal}.");
        Assert.Empty(await stores.Log.ReadAsync(old, 0));
        Assert.Null(await stores.Keys.FindAsync(old));
        Assert.Null(await catalog.Blobs.OpenReadAsync(AttachmentCatalog.FileKey(fileId), CancellationToken.None));
        Assert.Equal(4, (await stores.Log.ReadAsync(recent, 0)).Count);
        Assert.Equal(PersonalDataContract.Secret, (await stores.Log.ReadAsync(otherSite, 0))[1].Text);
        // The removed chat's rating comment is taken out of Anna's list of ratings; the chats kept are not touched.
        Assert.Equal([("short", "anna", GrainKeys.Parse(old).Id)], ratingComments.Asked);
    }

    /// <summary>The chat as Anna held it, closed and then rated with a comment.</summary>
    private static ConversationEvent[] RatedByAnna(ConversationEvent[] chat)
    {
        var closed = chat[^1];
        return
        [
            .. chat[..^1],
            new() { Seq = closed.Seq, Type = EventTypes.Assigned, At = closed.At, AuthorId = "anna", Author = "Anna", Reason = "queue" },
            closed with { Seq = closed.Seq + 1 },
            new() { Seq = closed.Seq + 2, Type = EventTypes.Rated, At = closed.At, From = Senders.Visitor, Score = 2, Text = "The courier never came" },
        ];
    }

    private static ConversationEvent[] WithFile(ConversationEvent[] chat, string fileId)
    {
        chat[1] = chat[1] with { Attachments = [new Attachment(fileId, "photo.jpg", "image/jpeg", 3)] };
        return chat;
    }

    /// <summary>Records which operators were asked to let which chats' rating comments go.</summary>
    private sealed class RecordingRatingCommentEraser : IRatingCommentEraser
    {
        public List<(string Site, string Login, string ConversationId)> Asked { get; } = [];

        public Task ForgetAsync(string site, RatingCommentHolders holders)
        {
            lock (Asked)
            {
                Asked.AddRange(holders.ByOperator.SelectMany(held => held.Value.Select(id => (site, held.Key, id))));
            }
            return Task.CompletedTask;
        }
    }

    /// <summary>The sweep runs on the fake clock's timer, on a thread of its own; its log line says a pass removed something.</summary>
    private sealed class SweepSignal : ILogger<RetentionSweep>
    {
        public TaskCompletionSource Removed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).StartsWith("Retention removed", StringComparison.Ordinal))
            {
                Removed.TrySetResult();
            }
            else if (exception is not null)
            {
                Removed.TrySetException(exception);
            }
        }
    }
}
